package org.navette.connector.opac.internal;

import java.util.List;

/**
 * Receives what a search did, for {@code opac-check}: every request and every field extraction
 * (which selector, how many matches, which values). Searches run with {@link #NONE}.
 *
 * <p>Thread-safety: implementations are called from the search's thread only and need no locking.
 */
interface Trace {
    /** Records nothing. */
    Trace NONE = new Trace() { };

    /** A request was answered (or failed, with status 0). */
    default void request(String method, String url, int status, long bytes, String note) { }

    /**
     * One field of one record (or a page-level value such as the hit count) was extracted.
     *
     * @param path     the field's key path in the profile ({@code results.fields.title})
     * @param selector the selector and extraction as written in the profile
     * @param matched  how many nodes the selector matched
     * @param values   the values after all steps (empty when nothing came out)
     */
    default void field(String path, String selector, int matched, List<String> values) { }

    /** A new record starts (list item or record page); fields that follow belong to it. */
    default void record(String kind, int position, String pageUrl) { }
}
