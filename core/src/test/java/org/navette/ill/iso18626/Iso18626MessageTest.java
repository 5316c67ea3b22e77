package org.navette.ill.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.navette.ill.AgencyId;
import org.navette.ill.IllRequest;
import org.navette.ill.ReasonForMessage;
import org.navette.ill.Refusal;
import org.navette.ill.RefusalKind;
import org.navette.ill.ServiceType;

class Iso18626MessageTest {
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void aConfirmationMirrorsTheHeaderItAnswers() {
        SupplyingAgencyMessage m = Samples.supplyingAgencyMessage();

        var c = (SupplyingAgencyMessageConfirmation) Iso18626Message.confirm(m, NOW, null);

        ConfirmationHeader h = c.header();
        assertThat(h.supplyingAgencyId()).isEqualTo(Samples.LENDER);
        assertThat(h.requestingAgencyId()).isEqualTo(Samples.BORROWER);
        assertThat(h.requestingAgencyRequestId()).isEqualTo("dole-0155");
        assertThat(h.multipleItemRequestId()).isEqualTo("batch-7");
        assertThat(h.timestamp()).isEqualTo(NOW);
        assertThat(h.timestampReceived()).isEqualTo(Samples.T0);
        assertThat(h.messageStatus()).isEqualTo(ConfirmationHeader.MessageStatus.OK);
        assertThat(c.reasonForMessage()).isEqualTo(ReasonForMessage.CANCEL_RESPONSE);
        assertThat(c.errorData()).isNull();
    }

    @Test
    void anErrorGivesStatusErrorWithTheErrorDataAndTheMatchingKind() {
        ErrorData error = ErrorData.of(new Refusal(RefusalKind.UNSUPPORTED_ACTION_TYPE, "renewals are not supported"));

        Confirmation request = Iso18626Message.confirm(Samples.request(), NOW, error);
        Confirmation action = Iso18626Message.confirm(Samples.requestingAgencyMessage(), NOW, error);

        assertThat(request).isInstanceOf(RequestConfirmation.class);
        assertThat(request.header().messageStatus()).isEqualTo(ConfirmationHeader.MessageStatus.ERROR);
        assertThat(request.errorData()).isEqualTo(new ErrorData(RefusalKind.UNSUPPORTED_ACTION_TYPE, "renewals are not supported"));
        assertThat(action).isInstanceOf(RequestingAgencyMessageConfirmation.class);
        assertThat(((RequestingAgencyMessageConfirmation) action).action()).isEqualTo(RequestingAgencyMessage.Action.SHIPPED_RETURN);
    }

    @Test
    void aConfirmationIsNeverConfirmed() {
        Confirmation c = Iso18626Message.confirm(Samples.request(), NOW, null);

        assertThatThrownBy(() -> Iso18626Message.confirm(c, NOW, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RequestConfirmation");
    }

    @Test
    void anIllRequestSurvivesBeingSentAsAnIsoRequest() {
        AgencyId requester = AgencyId.parse("ISIL:FR-39001");
        IllRequest ill = IllRequest.builder("req-17").title("Le petit prince").author("Saint-Exupery").year(946)
                .isbn("2070612759").issn("0399-0826").identifier("OCLC", "42").publisher("Gallimard")
                .placeOfPublication("Paris").edition("2e").materialType("book").componentTitle("ch. 1")
                .componentAuthor("A. de S.").service(ServiceType.COPY_OR_LOAN).requester(requester)
                .needBefore(LocalDate.of(2027, 1, 15)).supplierUniqueRecordId("rec-9").build();

        Request r = Request.of(ill, requester, AgencyId.parse("ISIL:FR-1"), NOW);

        assertThat(r.publicationInfo().publicationDate()).isEqualTo("0946");   // four digits, so the year reads back
        assertThat(r.header().requestingAgencyRequestId()).isEqualTo("req-17");
        assertThat(r.toIllRequest()).isEqualTo(ill);
        Iso18626Reader reader = Iso18626Reader.ofDefaults();
        assertThat(((Request) reader.read(Iso18626Writer.ofDefaults().write(r))).toIllRequest()).isEqualTo(ill);
    }

    @Test
    void aBareIllRequestSendsNoPublicationInfoAndALoan() {
        Request r = Request.of(IllRequest.builder("r1").title("x").build(), Samples.BORROWER, Samples.LENDER, NOW);

        assertThat(r.publicationInfo()).isNull();
        assertThat(r.serviceInfo().serviceType()).isEqualTo(ServiceType.LOAN);
        assertThat(r.serviceInfo().requestType()).isEqualTo(Request.RequestType.NEW);
    }

    @Test
    void aPublicationDateWithoutFourDigitsGivesNoYear() {
        Request r = Samples.request();
        Request undated = new Request(r.header(), r.bibliographicInfo(),
                new Request.PublicationInfo(null, null, "s.d. [19..]", null), r.serviceInfo());

        assertThat(undated.toIllRequest().year()).isEmpty();
    }

    @Test
    void anActionTheLifecycleDoesNotTrackGivesNoEvent() {
        RequestingAgencyMessage renew = new RequestingAgencyMessage(Samples.header(), RequestingAgencyMessage.Action.RENEW, null);

        assertThat(renew.toEvent()).isEmpty();
        assertThat(Samples.requestingAgencyMessage().toEvent()).isPresent();
    }

    @Test
    void aMessageNamingNoRequestCannotBecomeAnEvent() {
        Header blank = new Header(Samples.LENDER, Samples.BORROWER, null, NOW, " ", null);
        SupplyingAgencyMessage m = Samples.supplyingAgencyMessage();
        SupplyingAgencyMessage noId = new SupplyingAgencyMessage(blank, m.messageInfo(), m.statusInfo(), null);

        assertThatThrownBy(noId::toEvent).isInstanceOf(Iso18626Exception.class)
                .hasMessageContaining("empty requestingAgencyRequestId");
        Request r = Samples.request();
        assertThatThrownBy(() -> new Request(blank, r.bibliographicInfo(), null, null).toIllRequest())
                .isInstanceOf(Iso18626Exception.class);
        // and its confirmation leaves the empty id out rather than echoing it
        assertThat(Iso18626Message.confirm(noId, NOW, null).header().requestingAgencyRequestId()).isNull();
    }

    @Test
    void theSupplierEventCarriesTheCancelAnswer() {
        var e = Samples.supplyingAgencyMessage().toEvent();

        assertThat(e.reason()).isEqualTo(ReasonForMessage.CANCEL_RESPONSE);
        assertThat(e.answerYesNo()).isFalse();
        assertThat(e.note()).isEqualTo("already sent");
    }
}
