package org.navette.ill.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.ill.AgencyId;
import org.navette.ill.ReasonForMessage;
import org.navette.ill.RefusalKind;
import org.navette.ill.ServiceType;
import org.navette.ill.SupplierStatus;

class Iso18626ReaderTest {
    private final Iso18626Reader reader = Iso18626Reader.ofDefaults();
    private final Iso18626Writer writer = Iso18626Writer.ofDefaults();

    private static Path fixture(String name) {
        try {
            return Path.of(Iso18626ReaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Iso18626Message readFixture(String name) {
        Iso18626Message m = reader.read(fixture(name));
        // every fixture also survives write -> read unchanged
        assertThat(reader.read(writer.write(m))).isEqualTo(m);
        return m;
    }

    @Test
    void aCrosslinkStyleRequestInTheDefaultNamespaceIsRead() {
        Request r = (Request) readFixture("crosslink-request.xml");

        assertThat(r.header().supplyingAgencyId()).isEqualTo(AgencyId.parse("ISIL:BROKER"));
        assertThat(r.header().multipleItemRequestId()).isNull();
        assertThat(r.header().timestamp()).isEqualTo(Instant.parse("2026-11-28T10:25:11.136Z"));
        assertThat(r.bibliographicInfo().author()).isEqualTo("Saint-Exupéry, Antoine de");
        assertThat(r.serviceInfo().requestSubTypes()).containsExactly(Request.RequestSubType.PATRON_REQUEST);
        assertThat(r.serviceInfo().requestType()).isEqualTo(Request.RequestType.NEW);
    }

    @Test
    void aRequestBecomesTheIllRequestTheMatcherUses() {
        Request r = (Request) readFixture("crosslink-request.xml");

        var ill = r.toIllRequest();

        assertThat(ill.id()).isEqualTo("dole-0155");
        assertThat(ill.requester()).contains(AgencyId.parse("ISIL:FR-390012101"));
        assertThat(ill.isbns()).containsExactly("2070612759");
        assertThat(ill.year()).contains(1946);   // from "c1946"
        assertThat(ill.supplierUniqueRecordId()).contains("rec-4471");
        assertThat(ill.service()).isEqualTo(ServiceType.LOAN);
    }

    @Test
    void aReshareStyleRequestWithEveryPartKeepsWhatIsModelledAndDropsTheRest() {
        Request r = (Request) readFixture("reshare-request.xml");

        assertThat(r.header().timestamp()).isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));   // +01:00 kept as an instant
        assertThat(r.header().multipleItemRequestId()).isEqualTo("batch-7");
        assertThat(r.bibliographicInfo().bibliographicItemIds()).extracting(Request.BibliographicId::code)
                .containsExactly("ISSN", "issn", "OCLC");
        assertThat(r.bibliographicInfo().pagesRequested()).isEqualTo("301-320");
        assertThat(r.serviceInfo().requestSubTypes()).hasSize(3);
        assertThat(r.serviceInfo().serviceLevel()).isEqualTo("Rush");
        var ill = r.toIllRequest();
        assertThat(ill.issns()).containsExactly("0399-0826", "1754-6036");
        assertThat(ill.otherIdentifiers()).containsExactly(new org.navette.ill.IllRequest.Identifier("OCLC", "1234567"),
                new org.navette.ill.IllRequest.Identifier("PPN", "039055981"));
        assertThat(ill.year()).contains(1981);
        assertThat(ill.materialType()).contains("Article");
        assertThat(ill.componentTitle()).contains("Les foires de Guingamp");
        assertThat(ill.service()).isEqualTo(ServiceType.COPY);
        assertThat(ill.needBefore()).contains(java.time.LocalDate.of(2027, 1, 15));
    }

    @Test
    void aCrosslinkStyleSupplyingAgencyMessageBecomesASupplierEvent() {
        SupplyingAgencyMessage m = (SupplyingAgencyMessage) readFixture("crosslink-supplying-agency-message.xml");

        assertThat(m.messageInfo().reasonUnfilled()).isNull();   // sent as an empty element
        assertThat(m.statusInfo().dueDate()).isEqualTo(Instant.parse("2027-01-01T23:00:00Z"));
        assertThat(m.deliveryInfo().sentToPatron()).isFalse();
        assertThat(m.deliveryInfo().loanCondition()).isNull();
        var e = m.toEvent();
        assertThat(e.requestId()).isEqualTo("dole-0155");
        assertThat(e.sender()).isEqualTo(AgencyId.parse("ISIL:FR-251222101"));
        assertThat(e.status()).isEqualTo(SupplierStatus.LOANED);
        assertThat(e.reason()).isEqualTo(ReasonForMessage.STATUS_CHANGE);
        assertThat(e.note()).isEqualTo("#seq:0#");
        assertThat(e.messageId()).isEqualTo("ISIL:FR-251222101|2026-12-02T20:12:00.629597710Z|Loaned");
    }

    @Test
    void aCrosslinkStyleCancelBecomesARequesterEvent() {
        RequestingAgencyMessage m = (RequestingAgencyMessage) readFixture("crosslink-requesting-agency-message.xml");

        var e = m.toEvent().orElseThrow();

        assertThat(e.action()).isEqualTo(org.navette.ill.RequesterAction.CANCEL);
        assertThat(e.requester()).isEqualTo(AgencyId.parse("ISIL:FR-390012101"));
        assertThat(e.note()).isEqualTo("patron no longer needs it");
        assertThat(e.messageId()).isEqualTo("ISIL:FR-390012101|2026-12-03T08:00:00Z|Cancel");
    }

    @Test
    void aReshareStyleErrorConfirmationKeepsItsErrorData() {
        var c = (SupplyingAgencyMessageConfirmation) readFixture("reshare-supplying-agency-message-confirmation.xml");

        assertThat(c.header().messageStatus()).isEqualTo(ConfirmationHeader.MessageStatus.ERROR);
        assertThat(c.reasonForMessage()).isEqualTo(ReasonForMessage.RENEW_RESPONSE);
        assertThat(c.errorData()).isEqualTo(new ErrorData(RefusalKind.UNSUPPORTED_REASON_FOR_MESSAGE_TYPE,
                "renewals are not supported (request dole-0155)"));
    }

    @Test
    void anyPrefixIsReadAndAbsentConfirmationIdsStayAbsent() {
        var c = (RequestingAgencyMessageConfirmation) readFixture("requesting-agency-message-confirmation.xml");

        assertThat(c.header().supplyingAgencyId()).isNull();
        assertThat(c.header().requestingAgencyId()).isEqualTo(AgencyId.parse("ISIL:FR-390012101"));
        assertThat(c.action()).isEqualTo(RequestingAgencyMessage.Action.CANCEL);
        assertThat(c.errorData()).isNull();
    }

    @Test
    void theSameMessageReadsAlikeFromAStreamAFileAndAString() throws IOException {
        Path file = fixture("crosslink-supplying-agency-message.xml");
        byte[] bytes = Files.readAllBytes(file);

        Iso18626Message fromStream = reader.read(new ByteArrayInputStream(bytes));

        assertThat(fromStream).isEqualTo(reader.read(file)).isEqualTo(reader.read(new String(bytes, StandardCharsets.UTF_8)));
    }

    // --- hostile and broken input

    @Test
    void anXxeFileEntityIsRefusedAtTheDoctypeAndNothingIsRead() {
        assertThatThrownBy(() -> reader.read(fixture("hostile/xxe-file-entity.xml")))
                .isInstanceOf(Iso18626Exception.class)
                .hasMessageContaining("DOCTYPE declaration is refused")
                .hasMessageNotContaining("root:")
                .satisfies(e -> assertThat(((Iso18626Exception) e).line()).isEqualTo(3));
    }

    @Test
    void aBillionLaughsBombIsRefusedBeforeAnyExpansion() {
        assertThatThrownBy(() -> reader.read(fixture("hostile/billion-laughs.xml")))
                .isInstanceOf(Iso18626Exception.class)
                .hasMessageContaining("DOCTYPE declaration is refused");
    }

    @Test
    void anExternalDtdIsNeverFetched() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE ill:ISO18626Message SYSTEM \"http://127.0.0.1:"
                    + server.getLocalPort() + "/evil.dtd\">\n<ill:ISO18626Message xmlns:ill=\""
                    + "http://illtransactions.org/2013/iso18626\" ill:version=\"1.2\"/>";

            assertThatThrownBy(() -> reader.read(xml)).isInstanceOf(Iso18626Exception.class)
                    .hasMessageContaining("DOCTYPE declaration is refused");
            assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void anOversizedOrEndlessStreamIsRefusedOneBytePastTheLimit() {
        String xml = writer.write(Samples.request());
        Iso18626Reader small = Iso18626Reader.withMaxBytes(xml.length() / 2);
        // an endless stream: only a limit counted while reading ends this read
        InputStream endless = new InputStream() {
            private final byte[] start = xml.getBytes(StandardCharsets.UTF_8);
            private int i;

            @Override
            public int read() {
                return i < start.length ? start[i++] : ' ';
            }
        };

        assertThatThrownBy(() -> small.read(endless)).isInstanceOf(Iso18626Exception.class)
                .hasMessage("the message is larger than the limit of " + xml.length() / 2 + " bytes");
        assertThatThrownBy(() -> small.read(xml)).hasMessageContaining("larger than the limit");
        assertThat(Iso18626Reader.withMaxBytes(xml.length()).read(xml)).isEqualTo(Samples.request());
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsParsed(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.xml");
        Files.writeString(big, "<" + "x".repeat(2000));   // not even XML: the size alone refuses it

        assertThatThrownBy(() -> Iso18626Reader.withMaxBytes(1000).read(big))
                .hasMessage("the message is larger than the limit of 1000 bytes");
        assertThatThrownBy(() -> reader.read(dir.resolve("missing.xml"))).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aMessageWithoutTheEnvelopeIsRefusedNamingItsRoot() {
        assertThatThrownBy(() -> reader.read(fixture("hostile/bare-request-no-envelope.xml")))
                .isInstanceOf(Iso18626Exception.class)
                .hasMessageStartingWith("not an ISO 18626 message: the root element is request in namespace "
                        + "http://illtransactions.org/2013/iso18626, not ISO18626Message");
    }

    @Test
    void anEnvelopeInNoNamespaceIsRefusedSayingSo() {
        assertThatThrownBy(() -> reader.read("<ISO18626Message version=\"1.2\"><request/></ISO18626Message>"))
                .hasMessageContaining("root element is ISO18626Message in no namespace");
    }

    @Test
    void anotherVersionIsRefused() {
        String xml = writer.write(Samples.requestingAgencyMessage()).replace("ill:version=\"1.2\"", "ill:version=\"2021\"");

        assertThatThrownBy(() -> reader.read(xml)).hasMessageContaining("version '2021' is not read here");
    }

    @Test
    void aMisspelledElementIsRefusedWithTheSchemasMessageNamingIt() {
        assertThatThrownBy(() -> reader.read(fixture("hostile/misspelled-element.xml")))
                .isInstanceOf(Iso18626Exception.class)
                .hasMessageContaining("not valid against the ISO 18626 v1.2 schema")
                .hasMessageContaining("titel")
                .satisfies(e -> assertThat(((Iso18626Exception) e).line()).isEqualTo(13));
    }

    @Test
    void aStatusThatIsNoIsoCodeIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> reader.read(fixture("hostile/unknown-status.xml")))
                .hasMessageContaining("not valid against the ISO 18626 v1.2 schema")
                .hasMessageContaining("Lent")
                .satisfies(e -> assertThat(((Iso18626Exception) e).line()).isEqualTo(14));
    }

    @Test
    void aMissingRequiredElementIsRefused() {
        String xml = writer.write(Samples.supplyingAgencyMessage()).replaceAll("\\s*<ill:lastChange>[^<]*</ill:lastChange>", "");

        assertThatThrownBy(() -> reader.read(xml)).hasMessageContaining("not valid against").hasMessageContaining("lastChange");
    }

    @Test
    void somethingThatIsNotXmlIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> reader.read(fixture("hostile/not-xml.txt")))
                .isInstanceOf(Iso18626Exception.class)
                .hasMessageStartingWith("not well-formed XML")
                .satisfies(e -> assertThat(((Iso18626Exception) e).line()).isEqualTo(1));
        assertThatThrownBy(() -> reader.read("")).hasMessageStartingWith("not well-formed XML");
    }

    @Test
    void aBlankAgencyIdIsRefusedNamingTheElement() {
        String xml = writer.write(Samples.request()).replace("<ill:agencyIdValue>FR-251222101</ill:agencyIdValue>",
                "<ill:agencyIdValue> </ill:agencyIdValue>");

        assertThatThrownBy(() -> reader.read(xml)).isInstanceOf(Iso18626Exception.class)
                .hasMessageContaining("supplyingAgencyId: agency id value must not be blank");
    }

    @Test
    void theLimitMustBePositiveAndAtMostOneGibibyte() {
        assertThatThrownBy(() -> Iso18626Reader.withMaxBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBytes must be between 1 and 1073741824: 0");
        assertThatThrownBy(() -> Iso18626Reader.withMaxBytes(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(": 2147483647");
    }

    @Test
    void oneReaderServesManyThreadsAtOnce() throws Exception {
        List<Iso18626Message> kinds = Samples.everyKind();
        List<String> xml = kinds.stream().map(writer::write).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Iso18626Message>>();
            for (int i = 0; i < 60; i++) {
                String s = xml.get(i % xml.size());
                futures.add(pool.submit(() -> reader.read(s)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(kinds.get(i % kinds.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
