package org.navette.ill.iso18626;

import java.time.Instant;
import java.util.List;
import org.navette.ill.AgencyId;
import org.navette.ill.ReasonForMessage;
import org.navette.ill.RefusalKind;
import org.navette.ill.ServiceType;
import org.navette.ill.SupplierStatus;

/** One message of every kind, every modelled field filled, for the writer and round-trip tests. */
final class Samples {
    static final AgencyId LENDER = AgencyId.parse("ISIL:FR-251222101");
    static final AgencyId BORROWER = AgencyId.parse("ISIL:FR-390012101");
    static final Instant T0 = Instant.parse("2026-12-07T08:00:00.123456789Z");

    private Samples() {
    }

    static Header header() {
        return new Header(LENDER, BORROWER, "batch-7", T0, "dole-0155", "sup-1");
    }

    static Request request() {
        Request.BibliographicInfo bib = new Request.BibliographicInfo("rec-1", "Annales de Bretagne", "Le Goff, Jean",
                "et des pays de l'Ouest", "Annales", "2e éd.", "Les foires", "Le Goff, J.", "88", "3", "301-320",
                List.of(new Request.BibliographicId("ISSN", "0399-0826"), new Request.BibliographicId("OCLC", "1234567")),
                List.of(new Request.BibliographicId("PPN", "039055981")));
        Request.PublicationInfo pub = new Request.PublicationInfo("PUR", "Article", "1981-09", "Rennes");
        Request.ServiceInfo service = new Request.ServiceInfo(Request.RequestType.RETRY,
                List.of(Request.RequestSubType.PATRON_REQUEST, Request.RequestSubType.BOOKING_REQUEST), ServiceType.COPY,
                "Rush", Instant.parse("2027-01-15T23:59:59Z"), "pages 301-320 <only> & fast");
        return new Request(header(), bib, pub, service);
    }

    static SupplyingAgencyMessage supplyingAgencyMessage() {
        return new SupplyingAgencyMessage(header(),
                new SupplyingAgencyMessage.MessageInfo(ReasonForMessage.CANCEL_RESPONSE, false, "already sent", "lost"),
                new SupplyingAgencyMessage.StatusInfo(SupplierStatus.LOANED, Instant.parse("2026-12-09T00:00:00Z"),
                        Instant.parse("2027-01-09T00:00:00Z"), T0),
                new SupplyingAgencyMessage.DeliveryInfo(T0, "barcode-1", "post", true, "library use only"));
    }

    static RequestingAgencyMessage requestingAgencyMessage() {
        return new RequestingAgencyMessage(header(), RequestingAgencyMessage.Action.SHIPPED_RETURN, "sent back");
    }

    static List<Iso18626Message> everyKind() {
        ErrorData error = new ErrorData(RefusalKind.UNRECOGNISED_DATA_ELEMENT, "what is <x>?");
        Instant now = T0.plusSeconds(2);
        return List.of(request(), supplyingAgencyMessage(), requestingAgencyMessage(),
                Iso18626Message.confirm(request(), now, null),
                Iso18626Message.confirm(supplyingAgencyMessage(), now, error),
                Iso18626Message.confirm(requestingAgencyMessage(), now, error));
    }
}
