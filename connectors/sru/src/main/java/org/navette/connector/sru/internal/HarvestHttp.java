package org.navette.connector.sru.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The OkHttp client harvest sources use when none is injected. One for the whole JVM, because
 * {@link java.util.ServiceLoader} makes a new factory on every {@code CatalogueSource.open}: a client
 * per factory would open a connection pool per harvest (OkHttp's own advice is one shared client).
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class HarvestHttp {
    private HarvestHttp() {
    }

    /** Harvest pages are large and repositories slow: generous read time, a whole page within 10 minutes. */
    public static OkHttpClient shared() {
        return Holder.CLIENT;
    }

    private static final class Holder {
        static final OkHttpClient CLIENT = create();

        private static OkHttpClient create() {
            // daemon threads: nobody can shut this client down, and idle threads must not hold a finished JVM
            AtomicInteger n = new AtomicInteger();
            ExecutorService callbacks = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), r -> {
                        Thread t = new Thread(r, "navette-harvest-http-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            return new OkHttpClient.Builder().dispatcher(new Dispatcher(callbacks))
                    .connectTimeout(Duration.ofSeconds(30))
                    .readTimeout(Duration.ofMinutes(2))
                    .callTimeout(Duration.ofMinutes(10))
                    .build();
        }
    }
}
