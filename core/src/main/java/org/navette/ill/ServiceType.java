package org.navette.ill;

import java.util.Locale;
import java.util.Optional;

/**
 * What the requester asks for, as ISO 18626's {@code serviceInfo/serviceType}: the item itself on
 * loan, a copy (of an article, a chapter), or either.
 *
 * <pre>{@code
 * ServiceType.parse("loan");   // Optional[LOAN]
 * ServiceType.COPY_OR_LOAN.code();   // "CopyOrLoan"
 * }</pre>
 */
public enum ServiceType {
    LOAN("Loan"),
    COPY("Copy"),
    COPY_OR_LOAN("CopyOrLoan");

    private final String code;

    ServiceType(String code) {
        this.code = code;
    }

    /** The ISO 18626 code. */
    public String code() {
        return code;
    }

    /** The ISO code or a CSV spelling of it, ignoring case, blanks, '-' and '_' ({@code copy-or-loan}). */
    public static Optional<ServiceType> parse(String text) {
        String folded = text.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
        for (ServiceType t : values()) {
            if (t.code.toLowerCase(Locale.ROOT).equals(folded)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether a library lending {@code loans} and/or {@code copies} can serve this. */
    public boolean servedBy(boolean loans, boolean copies) {
        return switch (this) {
            case LOAN -> loans;
            case COPY -> copies;
            case COPY_OR_LOAN -> loans || copies;
        };
    }
}
