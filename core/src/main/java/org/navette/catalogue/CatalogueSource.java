package org.navette.catalogue;

import java.util.Locale;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import org.navette.normalise.Normaliser;

/**
 * Where one library's records come from: a MARC file (a full export that replaces the library's
 * previous contribution), an OAI-PMH repository or an SRU server (incremental harvests).
 *
 * <p>A source is named by a spec: a file path, {@code oai:URL} (optionally
 * {@code oai:URL#set=S&prefix=marc21}) or {@code sru:URL#query=CQL}. {@link #open(String)} finds
 * the {@link CatalogueSourceFactory} for the spec's scheme through {@link ServiceLoader}; a spec
 * with no registered scheme is a file path.
 *
 * <pre>{@code
 * CatalogueSource source = CatalogueSource.open("oai:https://koha.example.org/cgi-bin/koha/oai.pl#prefix=marc21");
 * String next = source.read(lastState, Normaliser.ofDefaults(), sink);   // null state: harvest everything
 * }</pre>
 *
 * <p>Thread-safety: a source reads from one thread at a time.
 */
public interface CatalogueSource {

    /** The spec this source was opened from, as it is recorded in the store. */
    String spec();

    /**
     * True when one read gives the library's whole contribution (a file export): records it does
     * not deliver are deleted. False for incremental sources, which report deletions explicitly.
     */
    boolean fullExport();

    /**
     * Delivers records to {@code sink}, in order, and returns the state to start from next time
     * (for OAI-PMH the response date of the first request, at the repository's granularity).
     *
     * <p>A broken record is delivered as a {@link org.navette.normalise.ReadResult} with its
     * problems, and reading goes on. A failure of the source itself (I/O, a protocol error) is a
     * {@link CatalogueException} thrown after everything read before it was delivered; the caller
     * then keeps the previous state, so the next harvest starts again from the last good point.
     *
     * @param state the state this source returned last time, or null for a first, complete read
     */
    String read(@Nullable String state, Normaliser normaliser, SourceSink sink);

    /** Opens the source named by {@code spec}. */
    static CatalogueSource open(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("a source spec must not be blank");
        }
        int colon = spec.indexOf(':');
        if (colon > 1) {
            String scheme = spec.substring(0, colon).toLowerCase(Locale.ROOT);
            for (CatalogueSourceFactory f : ServiceLoader.load(CatalogueSourceFactory.class)) {
                if (f.scheme().equals(scheme)) {
                    return f.open(spec);
                }
            }
            if (scheme.equals("oai") || scheme.equals("sru")) {
                throw new CatalogueException("no " + scheme + " source implementation on the class path for " + spec);
            }
        }
        return FileSource.of(java.nio.file.Path.of(spec));
    }
}
