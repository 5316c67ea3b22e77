package org.navette.ill;

import java.util.Optional;

/**
 * Why a message was refused, as the ISO 18626 confirmation's {@code errorData/errorType} names it.
 *
 * <pre>{@code
 * RefusalKind.UNRECOGNISED_DATA_VALUE.errorType();   // "UnrecognisedDataValue"
 * }</pre>
 */
public enum RefusalKind {
    /** An unknown request id, a sender that is not the current lender (or requester), or a status or action not allowed now. */
    UNRECOGNISED_DATA_VALUE("UnrecognisedDataValue"),
    /** A reason for the message the request's state does not support (a CancelResponse with no cancel pending, a RenewResponse). */
    UNSUPPORTED_REASON_FOR_MESSAGE_TYPE("UnsupportedReasonForMessageType"),
    /** An element the receiver does not understand (ISO 18626 lets a peer refuse what it cannot act on). */
    UNRECOGNISED_DATA_ELEMENT("UnrecognisedDataElement"),
    /** A requester action this lifecycle does not know. */
    UNSUPPORTED_ACTION_TYPE("UnsupportedActionType"),
    /** Parts of the message contradict each other (a CancelResponse without an answer, a yes without Cancelled). */
    BADLY_FORMED_MESSAGE("BadlyFormedMessage");

    private final String errorType;

    RefusalKind(String errorType) {
        this.errorType = errorType;
    }

    /** The ISO 18626 {@code errorType} code. */
    public String errorType() {
        return errorType;
    }

    /** The kind with this ISO 18626 {@code errorType} code (exact spelling). */
    public static Optional<RefusalKind> fromErrorType(String code) {
        for (RefusalKind k : values()) {
            if (k.errorType.equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
