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
 */
public record RequestProblem(int line, @Nullable String requestId, String message, boolean rejected) {
    public RequestProblem {
        Objects.requireNonNull(message, "message");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }

    @Override
    public String toString() {
        return "line " + line + (requestId == null ? "" : " (" + requestId + ")") + ": " + message;
    }
}
