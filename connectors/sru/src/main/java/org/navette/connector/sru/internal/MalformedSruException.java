package org.navette.connector.sru.internal;

import javax.xml.stream.Location;

/**
 * The bytes are not a usable SRU response: not XML, not well-formed, a forbidden DOCTYPE, a root
 * element that is not SRU, a field that is not a number. The only exception the response parsers
 * throw for bad input; the connector turns it into a {@code BAD_RESPONSE} diagnostic.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class MalformedSruException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedSruException(String message, Location where) {
        super(where == null || where.getLineNumber() < 0 ? message
                : message + " (line " + where.getLineNumber() + ", column " + where.getColumnNumber() + ")");
    }

    MalformedSruException(String message, Throwable cause) {
        super(message, cause);
    }
}
