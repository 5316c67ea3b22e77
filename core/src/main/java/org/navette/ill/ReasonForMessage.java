package org.navette.ill;

import java.util.Optional;

/**
 * An ISO 18626 supplying agency message's {@code messageInfo/reasonForMessage}.
 *
 * <pre>{@code
 * ReasonForMessage.fromCode("CancelResponse");   // Optional[CANCEL_RESPONSE]
 * }</pre>
 */
public enum ReasonForMessage {
    REQUEST_RESPONSE("RequestResponse"),
    STATUS_REQUEST_RESPONSE("StatusRequestResponse"),
    RENEW_RESPONSE("RenewResponse"),
    CANCEL_RESPONSE("CancelResponse"),
    STATUS_CHANGE("StatusChange"),
    NOTIFICATION("Notification");

    private final String code;

    ReasonForMessage(String code) {
        this.code = code;
    }

    /** The ISO 18626 code. */
    public String code() {
        return code;
    }

    /** The reason with this ISO 18626 code (exact spelling). */
    public static Optional<ReasonForMessage> fromCode(String code) {
        for (ReasonForMessage r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
