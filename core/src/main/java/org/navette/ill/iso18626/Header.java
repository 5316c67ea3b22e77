package org.navette.ill.iso18626;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.navette.ill.AgencyId;

/**
 * The {@code header} of a request, supplying agency message or requesting agency message: who
 * writes to whom about which request, and when.
 *
 * <pre>{@code
 * Header h = new Header(AgencyId.parse("ISIL:FR-1"), AgencyId.parse("ISIL:FR-9"), null,
 *         Instant.parse("2026-12-07T08:00:00Z"), "req-17", null);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param multipleItemRequestId     absent when empty, as most senders leave it
 * @param requestingAgencyRequestId the requester's id for the request; required by the schema but
 *                                  may be empty on the wire, so see {@link #requestId()}
 * @param supplyingAgencyRequestId  the supplier's own id, once it has one
 */
public record Header(AgencyId supplyingAgencyId, AgencyId requestingAgencyId, @Nullable String multipleItemRequestId,
        Instant timestamp, String requestingAgencyRequestId, @Nullable String supplyingAgencyRequestId) {

    public Header {
        Objects.requireNonNull(supplyingAgencyId, "supplyingAgencyId");
        Objects.requireNonNull(requestingAgencyId, "requestingAgencyId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(requestingAgencyRequestId, "requestingAgencyRequestId");
    }

    /**
     * The request id, for turning the message into a lifecycle value.
     *
     * @throws Iso18626Exception if {@code requestingAgencyRequestId} is blank: the message names no request
     */
    public String requestId() {
        if (requestingAgencyRequestId.isBlank()) {
            throw new Iso18626Exception("the message from " + requestingAgencyId + " to " + supplyingAgencyId
                    + " has an empty requestingAgencyRequestId: it names no request");
        }
        return requestingAgencyRequestId.strip();
    }
}
