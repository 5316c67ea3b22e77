package org.navette.portal.pazpar2.internal;

import java.util.Objects;

/**
 * A command that cannot be answered normally: becomes pazpar2's {@code <error>} answer with the
 * HTTP status pazpar2 uses (417), or another one where the cause is the server's (503).
 *
 * <pre>{@code
 * throw new CommandException(Pz2Error.RECORD_MISSING, recid);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Pz2Error error;
    private final String addInfo;
    private final int httpStatus;

    public CommandException(Pz2Error error, String addInfo) {
        this(error, addInfo, 417);
    }

    public CommandException(Pz2Error error, String addInfo, int httpStatus) {
        super(error.code() + " " + error.message() + ": " + addInfo);
        this.error = Objects.requireNonNull(error, "error");
        this.addInfo = Objects.requireNonNull(addInfo, "addInfo");
        this.httpStatus = httpStatus;
    }

    public Pz2Error error() {
        return error;
    }

    public String addInfo() {
        return addInfo;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code <error>} document. */
    public String toXml() {
        return new XmlAnswer().element("error", addInfo, "code", Integer.toString(error.code()), "msg", error.message())
                .toXml();
    }
}
