package org.navette.ill;

import java.util.Optional;

/**
 * The status a supplying library reports in an ISO 18626 {@code supplyingAgencyMessage}
 * ({@code statusInfo/status}), with its code as written on the wire.
 *
 * <pre>{@code
 * SupplierStatus.fromCode("WillSupply");   // Optional[WILL_SUPPLY]
 * SupplierStatus.UNFILLED.code();          // "Unfilled"
 * }</pre>
 */
public enum SupplierStatus {
    REQUEST_RECEIVED("RequestReceived"),
    EXPECT_TO_SUPPLY("ExpectToSupply"),
    WILL_SUPPLY("WillSupply"),
    LOANED("Loaned"),
    OVERDUE("Overdue"),
    RECALLED("Recalled"),
    RETRY_POSSIBLE("RetryPossible"),
    UNFILLED("Unfilled"),
    COPY_COMPLETED("CopyCompleted"),
    LOAN_COMPLETED("LoanCompleted"),
    COMPLETED_WITHOUT_RETURN("CompletedWithoutReturn"),
    CANCELLED("Cancelled");

    private final String code;

    SupplierStatus(String code) {
        this.code = code;
    }

    /** The ISO 18626 code ({@code WillSupply}). */
    public String code() {
        return code;
    }

    /** The status with this ISO 18626 code (exact, as the schema's enumeration spells it). */
    public static Optional<SupplierStatus> fromCode(String code) {
        for (SupplierStatus s : values()) {
            if (s.code.equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
