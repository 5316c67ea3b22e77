package org.navette.connector.sru;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.navette.catalogue.CatalogueSource;
import org.navette.catalogue.SourceSink;
import org.navette.connector.sru.internal.HarvestHttp;
import org.navette.connector.sru.internal.OaiHarvester;
import org.navette.connector.sru.internal.SourceSpecs;
import org.navette.normalise.Normaliser;

/**
 * An OAI-PMH 2.0 repository as an incremental union catalogue source: spec
 * {@code oai:URL}, optionally {@code oai:URL#set=S&prefix=P}. Found by
 * {@link CatalogueSource#open(String)} through {@link OaiPmhSourceFactory}.
 *
 * <pre>{@code
 * Catalogue catalogue = Catalogue.builder(store).build();
 * catalogue.load("zdb", CatalogueSource.open("oai:https://services.dnb.de/oai/repository#set=zdb&prefix=MARC21-xml"));
 * catalogue.harvest();   // later: only what changed since the last complete harvest
 *
 * OaiPmhSource tuned = OaiPmhSource.builder("oai:https://koha.example.org/cgi-bin/koha/oai.pl")
 *         .httpClient(sharedClient).maxRetries(3).maxRetryWait(Duration.ofMinutes(1)).build();
 * }</pre>
 *
 * <ul>
 *   <li>{@code set}: the setSpec to harvest (default: the whole repository). Option values are
 *       percent-decoded, so a set name with {@code &} or {@code #} is written {@code %26} / {@code %23}.</li>
 *   <li>{@code prefix} (default {@code marc21}): MARCXML names ({@code marc21}, {@code marcxml},
 *       {@code MARC21-xml}, {@code marcxchange}, {@code unimarc...}) are read as MARC; {@code oai_dc}
 *       as Dublin Core (the catalogue stores MARC only, so it reports Dublin Core records and skips
 *       them). Another prefix is refused when the spec is opened.</li>
 *   <li>Each record's local id is its OAI header identifier; {@code status="deleted"} headers are
 *       deletions.</li>
 *   <li>The state is the responseDate of the first ListRecords answer of the last complete harvest,
 *       at the repository's granularity (learnt from Identify); the next harvest sends it as
 *       {@code from}. {@code noRecordsMatch} is an empty harvest.</li>
 *   <li>Other OAI errors, HTTP failures, malformed XML and DOCTYPEs (external entities, entity
 *       bombs) fail the read with a {@link org.navette.catalogue.CatalogueException} naming the
 *       error, after the records before it were delivered. {@code badResumptionToken} restarts the
 *       list with the original arguments (a few times); HTTP 503/429 with {@code Retry-After} waits
 *       as asked, capped at {@link Builder#maxRetryWait}, at most {@link Builder#maxRetries} times.</li>
 *   <li>A record whose MARCXML is broken is delivered with its problems, and the harvest goes on.</li>
 * </ul>
 *
 * <p>Thread-safety: immutable configuration; one read at a time per instance.
 */
public final class OaiPmhSource implements CatalogueSource {
    /** The metadataPrefix asked for when the spec names none. */
    public static final String DEFAULT_PREFIX = "marc21";

    private final String spec;
    private final OaiHarvester harvester;

    /**
     * Waits as a repository asked; injected so that tests and schedulers control time.
     *
     * <pre>{@code
     * OaiPmhSource.Sleeper recording = delay -> delays.add(delay);
     * }</pre>
     */
    @FunctionalInterface
    public interface Sleeper {
        /** {@link Thread#sleep}. */
        Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

        void sleep(Duration delay) throws InterruptedException;
    }

    private OaiPmhSource(Builder b) {
        this.spec = b.spec;
        SourceSpecs.Parsed p = SourceSpecs.parse(b.spec, "oai", OaiHarvester.OPTIONS);
        String prefix = p.options().getOrDefault("prefix", DEFAULT_PREFIX);
        this.harvester = new OaiHarvester(b.spec, p.url(), prefix, p.options().get("set"),
                b.client != null ? b.client : HarvestHttp.shared(), b.sleeper, b.clock, b.maxRetries, b.maxRetryWait);
    }

    /**
     * A source with the default settings and the shared HTTP client.
     *
     * @throws IllegalArgumentException when the spec is malformed, saying what is wrong
     */
    public static OaiPmhSource fromSpec(String spec) {
        return builder(spec).build();
    }

    public static Builder builder(String spec) {
        return new Builder(spec);
    }

    @Override
    public String spec() {
        return spec;
    }

    /** False: a harvest delivers what changed, deletions explicitly. */
    @Override
    public boolean fullExport() {
        return false;
    }

    @Override
    public String read(@Nullable String state, Normaliser normaliser, SourceSink sink) {
        return harvester.harvest(state, normaliser, sink);
    }

    @Override
    public String toString() {
        return "OAI-PMH " + spec;
    }

    /** Configures an {@link OaiPmhSource}; each setting is checked at once. Not thread-safe. */
    public static final class Builder {
        private final String spec;
        private @Nullable OkHttpClient client;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private int maxRetries = 5;
        private Duration maxRetryWait = Duration.ofMinutes(5);

        private Builder(String spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        /** The OkHttp client (its pool, timeouts, proxy); default one client shared by every harvest source. */
        public Builder httpClient(OkHttpClient client) {
            this.client = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /** How Retry-After waits are spent; default {@link Sleeper#SYSTEM}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The clock that turns an HTTP-date Retry-After into a delay. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Retries of one request the repository answered with 503/429 and Retry-After; 0..20, default 5. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0 || maxRetries > 20) {
                throw new IllegalArgumentException("maxRetries must be within 0..20, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** The longest wait a Retry-After can ask for; positive, at most one hour, default 5 minutes. */
        public Builder maxRetryWait(Duration maxRetryWait) {
            Objects.requireNonNull(maxRetryWait, "maxRetryWait");
            if (maxRetryWait.isNegative() || maxRetryWait.isZero() || maxRetryWait.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("maxRetryWait must be positive and at most PT1H, was " + maxRetryWait);
            }
            this.maxRetryWait = maxRetryWait;
            return this;
        }

        /** @throws IllegalArgumentException when the spec is malformed (scheme, URL, options, prefix) */
        public OaiPmhSource build() {
            return new OaiPmhSource(this);
        }
    }
}
