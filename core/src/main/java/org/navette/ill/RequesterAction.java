package org.navette.ill;

/**
 * What the requesting library does to a request (ISO 18626 {@code requestingAgencyMessage/action},
 * the subset this lifecycle tracks).
 *
 * <pre>{@code
 * RequesterEvent.of("req-1", requester, RequesterAction.RECEIVED, "rcv-1");
 * }</pre>
 */
public enum RequesterAction {
    /** Asks the current lender to cancel (or cancels outright a request not sent yet). */
    CANCEL("Cancel"),
    /** The loaned item arrived. */
    RECEIVED("Received"),
    /** The item was sent back to the lender. */
    SHIPPED_RETURN("ShippedReturn");

    private final String code;

    RequesterAction(String code) {
        this.code = code;
    }

    /** The ISO 18626 action code. */
    public String code() {
        return code;
    }
}
