package org.navette.connector.z3950.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.Map;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetDiagnostic;
import org.navette.target.TargetException;

/**
 * libyaz, loaded, with the counters of the native objects created through it. The only way to
 * create ZOOM objects: every one is wrapped in an owner ({@link ZoomConnection}, {@link ZoomResultSet},
 * {@link ZoomRecord}) whose {@code destroy()} is idempotent and counted.
 *
 * <pre>{@code
 * ZoomLibrary zoom = ZoomLibrary.load(ZoomLibrary.DEFAULT_NAMES);   // throws TargetException UNAVAILABLE
 * ZoomConnection c = zoom.createConnection(Map.of("async", "1", "databaseName", "marc21"));
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use; the objects it creates are not (one thread at a time).
 */
public final class ZoomLibrary {
    /** Tried in order: the development symlink first, then the soname Debian's libyaz5 installs. */
    public static final List<String> DEFAULT_NAMES = List.of("yaz", "libyaz.so.5");
    /** The one message a machine without libyaz gets. */
    public static final String MISSING_MESSAGE =
            "libyaz.so.5 not found: install Debian package libyaz5 (apt-get install libyaz5)";

    private final Yaz yaz;
    private final NativeCounts counts = new NativeCounts();

    private ZoomLibrary(Yaz yaz) {
        this.yaz = yaz;
    }

    /**
     * Loads libyaz under the first of {@code names} that the dynamic linker finds.
     *
     * @throws TargetException of kind {@link DiagnosticKind#UNAVAILABLE} naming the package to install
     */
    public static ZoomLibrary load(List<String> names) {
        LinkageError last = null;
        for (String name : names) {
            try {
                // UTF-8 whatever the platform default: PQF terms and options go to the target as UTF-8
                Yaz yaz = Native.load(name, Yaz.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
                return new ZoomLibrary(yaz);
            } catch (LinkageError e) {
                last = e; // UnsatisfiedLinkError, or JNA's own dispatch library missing
            }
        }
        throw new TargetException(TargetDiagnostic.of(DiagnosticKind.UNAVAILABLE, MISSING_MESSAGE), last);
    }

    /** The live-object counters of everything created through this library. */
    public NativeCounts counts() {
        return counts;
    }

    Yaz yaz() {
        return yaz;
    }

    /**
     * Creates an unconnected connection carrying these options. The options object is created,
     * filled, handed to the connection and released at once: each connection owns its own options,
     * because ZOOM's option reference counts are not thread-safe and connections live on different threads.
     */
    public ZoomConnection createConnection(Map<String, String> options) {
        Pointer opts = yaz.ZOOM_options_create();
        if (opts == null) {
            throw new IllegalStateException("ZOOM_options_create returned NULL (out of memory)");
        }
        counts.onCreated(NativeCounts.Kind.OPTIONS);
        try {
            options.forEach((k, v) -> yaz.ZOOM_options_set(opts, k, v));
            Pointer c = yaz.ZOOM_connection_create(opts);
            if (c == null) {
                throw new IllegalStateException("ZOOM_connection_create returned NULL (out of memory)");
            }
            counts.onCreated(NativeCounts.Kind.CONNECTION);
            return new ZoomConnection(this, c);
        } finally {
            yaz.ZOOM_options_destroy(opts); // the connection holds its own reference
            counts.onDestroyed(NativeCounts.Kind.OPTIONS);
        }
    }

    /** ZOOM's message for an error code (ZOOM 10000+ codes and Bib-1 codes). */
    public String message(int code) {
        String s = yaz.ZOOM_diag_str(code);
        return s == null || s.isBlank() ? "error " + code : s;
    }
}
