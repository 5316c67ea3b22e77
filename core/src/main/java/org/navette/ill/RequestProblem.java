package org.navette.ill;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something wrong on one line of a request file. When {@link #rejected()} the line yielded no
 * request (no id, broken quoting, wrong field count, a duplicate id) and a plan lists it as
 * {@code invalid}; otherwise the request was read with the faulty field left empty.
 *
 * <pre>{@code
 * for (RequestProblem p : batch.problems()) {
 *     System.err.println(p);   // "line 7 (req-12): invalid year 'l998'; year left empty"
 * }
 * }</pre>
 *
 * @param line      the 1-based physical line the record starts on (1 is the header)
 * @param requestId the request's id when the line gave one, else null
 * @param message   what is wrong and what was done about it
 * @param rejected  whether the line yielded no request
 * @param source    the file, when a batch is read from several (a folder); else null
 */
public record RequestProblem(int line, @Nullable String requestId, String message, boolean rejected, @Nullable String source) {
    public RequestProblem {
        Objects.requireNonNull(message, "message");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }

    /** A problem of a batch read from one file. */
    public RequestProblem(int line, @Nullable String requestId, String message, boolean rejected) {
        this(line, requestId, message, rejected, null);
    }

    /** The same problem, said to be in {@code file}. */
    public RequestProblem in(String file) {
        return new RequestProblem(line, requestId, message, rejected, file);
    }

    /** Where: {@code line 7}, or {@code requests-2.csv line 7}. */
    public String where() {
        return (source == null ? "" : source + " ") + "line " + line;
    }

    @Override
    public String toString() {
        return where() + (requestId == null ? "" : " (" + requestId + ")") + ": " + message;
    }
}
