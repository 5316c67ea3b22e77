package org.navette.ill.iso18626.internal;

import java.time.Instant;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.navette.ill.AgencyId;
import org.navette.ill.iso18626.Confirmation;
import org.navette.ill.iso18626.ConfirmationHeader;
import org.navette.ill.iso18626.ErrorData;
import org.navette.ill.iso18626.Header;
import org.navette.ill.iso18626.Iso18626Message;
import org.navette.ill.iso18626.Request;
import org.navette.ill.iso18626.RequestConfirmation;
import org.navette.ill.iso18626.RequestingAgencyMessage;
import org.navette.ill.iso18626.RequestingAgencyMessageConfirmation;
import org.navette.ill.iso18626.SupplyingAgencyMessage;
import org.navette.ill.iso18626.SupplyingAgencyMessageConfirmation;

/**
 * Writes the message records as an {@code ill:ISO18626Message}, elements in the schema's sequence
 * order (the schema is all sequences: any other order is invalid), indented two spaces so that
 * a logged message is readable.
 */
public final class MessageEncoder {
    public static final String NS = "http://illtransactions.org/2013/iso18626";
    private static final String PREFIX = "ill";

    private final XMLStreamWriter out;
    private int depth;

    private MessageEncoder(XMLStreamWriter out) {
        this.out = out;
    }

    /** Writes the whole document, declaration included, to {@code out}. */
    public static void encode(Iso18626Message message, XMLStreamWriter out) throws XMLStreamException {
        MessageEncoder e = new MessageEncoder(out);
        out.writeStartDocument("UTF-8", "1.0");
        out.writeCharacters("\n");
        out.writeStartElement(PREFIX, "ISO18626Message", NS);
        out.writeNamespace(PREFIX, NS);
        out.writeAttribute(PREFIX, NS, "version", "1.2");
        e.depth = 1;
        e.body(message);
        out.writeCharacters("\n");
        out.writeEndElement();
        out.writeCharacters("\n");
        out.writeEndDocument();
        out.flush();
    }

    private void body(Iso18626Message message) throws XMLStreamException {
        if (message instanceof Request r) {
            request(r);
        } else if (message instanceof SupplyingAgencyMessage m) {
            supplyingAgencyMessage(m);
        } else if (message instanceof RequestingAgencyMessage m) {
            start("requestingAgencyMessage");
            header(m.header());
            leaf("action", m.action().code());
            leaf("note", m.note());
            end();
        } else if (message instanceof RequestConfirmation c) {
            confirmation("requestConfirmation", c, null, null);
        } else if (message instanceof SupplyingAgencyMessageConfirmation c) {
            confirmation("supplyingAgencyMessageConfirmation", c, "reasonForMessage",
                    c.reasonForMessage() == null ? null : c.reasonForMessage().code());
        } else if (message instanceof RequestingAgencyMessageConfirmation c) {
            confirmation("requestingAgencyMessageConfirmation", c, "action", c.action() == null ? null : c.action().code());
        } else {
            throw new IllegalArgumentException("not a message kind: " + message.getClass().getName());
        }
    }

    /** The three confirmations differ only in the one element they echo between header and error. */
    private void confirmation(String name, Confirmation c, @Nullable String echoed, @Nullable String value)
            throws XMLStreamException {
        start(name);
        confirmationHeader(c.header());
        if (echoed != null) {
            leaf(echoed, value);
        }
        errorData(c.errorData());
        end();
    }

    private void request(Request r) throws XMLStreamException {
        start("request");
        header(r.header());
        Request.BibliographicInfo b = r.bibliographicInfo();
        start("bibliographicInfo");
        leaf("supplierUniqueRecordId", b.supplierUniqueRecordId());
        leaf("title", b.title());
        leaf("author", b.author());
        leaf("subtitle", b.subtitle());
        leaf("seriesTitle", b.seriesTitle());
        leaf("edition", b.edition());
        leaf("titleOfComponent", b.titleOfComponent());
        leaf("authorOfComponent", b.authorOfComponent());
        leaf("volume", b.volume());
        leaf("issue", b.issue());
        leaf("pagesRequested", b.pagesRequested());
        // the item id puts its value first, the record id its code first: the schema's own asymmetry
        for (Request.BibliographicId id : b.bibliographicItemIds()) {
            start("bibliographicItemId");
            leaf("bibliographicItemIdentifier", id.identifier());
            leaf("bibliographicItemIdentifierCode", id.code());
            end();
        }
        for (Request.BibliographicId id : b.bibliographicRecordIds()) {
            start("bibliographicRecordId");
            leaf("bibliographicRecordIdentifierCode", id.code());
            leaf("bibliographicRecordIdentifier", id.identifier());
            end();
        }
        end();
        Request.PublicationInfo p = r.publicationInfo();
        if (p != null) {
            start("publicationInfo");
            leaf("publisher", p.publisher());
            leaf("publicationType", p.publicationType());
            leaf("publicationDate", p.publicationDate());
            leaf("placeOfPublication", p.placeOfPublication());
            end();
        }
        Request.ServiceInfo s = r.serviceInfo();
        if (s != null) {
            start("serviceInfo");
            leaf("requestType", s.requestType() == null ? null : s.requestType().code());
            for (Request.RequestSubType t : s.requestSubTypes()) {
                leaf("requestSubType", t.code());
            }
            leaf("serviceType", s.serviceType().code());
            leaf("serviceLevel", s.serviceLevel());
            leaf("needBeforeDate", s.needBeforeDate());
            leaf("note", s.note());
            end();
        }
        end();
    }

    private void supplyingAgencyMessage(SupplyingAgencyMessage m) throws XMLStreamException {
        start("supplyingAgencyMessage");
        header(m.header());
        SupplyingAgencyMessage.MessageInfo i = m.messageInfo();
        start("messageInfo");
        leaf("reasonForMessage", i.reasonForMessage().code());
        leaf("answerYesNo", i.answerYesNo() == null ? null : i.answerYesNo() ? "Y" : "N");
        leaf("note", i.note());
        leaf("reasonUnfilled", i.reasonUnfilled());
        end();
        SupplyingAgencyMessage.StatusInfo s = m.statusInfo();
        start("statusInfo");
        leaf("status", s.status().code());
        leaf("expectedDeliveryDate", s.expectedDeliveryDate());
        leaf("dueDate", s.dueDate());
        leaf("lastChange", s.lastChange());
        end();
        SupplyingAgencyMessage.DeliveryInfo d = m.deliveryInfo();
        if (d != null) {
            start("deliveryInfo");
            leaf("dateSent", d.dateSent());
            leaf("itemId", d.itemId());
            leaf("sentVia", d.sentVia());
            leaf("sentToPatron", d.sentToPatron() == null ? null : d.sentToPatron().toString());
            leaf("loanCondition", d.loanCondition());
            end();
        }
        end();
    }

    private void header(Header h) throws XMLStreamException {
        start("header");
        agency("supplyingAgencyId", h.supplyingAgencyId());
        agency("requestingAgencyId", h.requestingAgencyId());
        // required by the schema even when there is none: written empty, as crosslink and ReShare do
        leaf("multipleItemRequestId", h.multipleItemRequestId() == null ? "" : h.multipleItemRequestId());
        leaf("timestamp", h.timestamp());
        leaf("requestingAgencyRequestId", h.requestingAgencyRequestId());
        leaf("supplyingAgencyRequestId", h.supplyingAgencyRequestId());
        end();
    }

    private void confirmationHeader(ConfirmationHeader h) throws XMLStreamException {
        start("confirmationHeader");
        agency("supplyingAgencyId", h.supplyingAgencyId());
        agency("requestingAgencyId", h.requestingAgencyId());
        leaf("timestamp", h.timestamp());
        leaf("requestingAgencyRequestId", h.requestingAgencyRequestId());
        leaf("multipleItemRequestId", h.multipleItemRequestId());
        leaf("timestampReceived", h.timestampReceived());
        leaf("messageStatus", h.messageStatus().name());
        end();
    }

    private void errorData(@Nullable ErrorData e) throws XMLStreamException {
        if (e != null) {
            start("errorData");
            leaf("errorType", e.errorType().errorType());
            leaf("errorValue", e.errorValue());
            end();
        }
    }

    private void agency(String name, @Nullable AgencyId id) throws XMLStreamException {
        if (id != null) {
            start(name);
            leaf("agencyIdType", id.type());
            leaf("agencyIdValue", id.value());
            end();
        }
    }

    private void start(String name) throws XMLStreamException {
        indent();
        out.writeStartElement(PREFIX, name, NS);
        depth++;
    }

    private void end() throws XMLStreamException {
        depth--;
        indent();
        out.writeEndElement();
    }

    private void leaf(String name, @Nullable Instant value) throws XMLStreamException {
        leaf(name, value == null ? null : XmlDateTime.format(value));
    }

    /** An element with text, left out when the value is absent. */
    private void leaf(String name, @Nullable String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        requireXmlChars(name, value);
        indent();
        out.writeStartElement(PREFIX, name, NS);
        out.writeCharacters(value);
        out.writeEndElement();
    }

    /**
     * StAX writes control characters as they are, giving a document no parser (nor the peer) accepts:
     * refused here, where the element can still be named.
     */
    private static void requireXmlChars(String element, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean legal = c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
            if (!legal) {
                throw new IllegalArgumentException(element + " holds character U+" + String.format("%04X", (int) c)
                        + " at index " + i + ", which XML 1.0 cannot carry");
            }
        }
    }

    private void indent() throws XMLStreamException {
        out.writeCharacters("\n" + "  ".repeat(depth));
    }
}
