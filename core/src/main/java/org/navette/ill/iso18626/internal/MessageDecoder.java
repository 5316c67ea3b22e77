package org.navette.ill.iso18626.internal;

import java.time.Instant;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.navette.ill.AgencyId;
import org.navette.ill.ReasonForMessage;
import org.navette.ill.RefusalKind;
import org.navette.ill.ServiceType;
import org.navette.ill.SupplierStatus;
import org.navette.ill.iso18626.ConfirmationHeader;
import org.navette.ill.iso18626.ErrorData;
import org.navette.ill.iso18626.Header;
import org.navette.ill.iso18626.Iso18626Exception;
import org.navette.ill.iso18626.Iso18626Message;
import org.navette.ill.iso18626.Request;
import org.navette.ill.iso18626.RequestConfirmation;
import org.navette.ill.iso18626.RequestingAgencyMessage;
import org.navette.ill.iso18626.RequestingAgencyMessageConfirmation;
import org.navette.ill.iso18626.SupplyingAgencyMessage;
import org.navette.ill.iso18626.SupplyingAgencyMessageConfirmation;

/**
 * Turns a schema-valid {@code ISO18626Message} tree into the message records. The schema has
 * checked structure, order and enumerations; what is left to refuse is what it allows but the
 * records do not (a blank agency id, a date-time outside {@link Instant}), with the element's position.
 */
public final class MessageDecoder {
    private MessageDecoder() {
    }

    public static Iso18626Message decode(XmlElement envelope) {
        XmlElement body = envelope.children().get(0);
        switch (body.name()) {
            case "request":
                return request(body);
            case "supplyingAgencyMessage":
                return supplyingAgencyMessage(body);
            case "requestingAgencyMessage":
                return new RequestingAgencyMessage(header(required(body, "header")),
                        action(required(body, "action")), body.text("note"));
            case "requestConfirmation":
                return new RequestConfirmation(confirmationHeader(required(body, "confirmationHeader")), errorData(body));
            case "supplyingAgencyMessageConfirmation": {
                XmlElement reason = body.child("reasonForMessage");
                return new SupplyingAgencyMessageConfirmation(confirmationHeader(required(body, "confirmationHeader")),
                        reason == null ? null : reason(reason), errorData(body));
            }
            case "requestingAgencyMessageConfirmation": {
                XmlElement action = body.child("action");
                return new RequestingAgencyMessageConfirmation(confirmationHeader(required(body, "confirmationHeader")),
                        action == null ? null : action(action), errorData(body));
            }
            default:
                throw refused(body, "unknown message kind " + body.name());
        }
    }

    private static Request request(XmlElement body) {
        XmlElement b = required(body, "bibliographicInfo");
        Request.BibliographicInfo bib = new Request.BibliographicInfo(b.text("supplierUniqueRecordId"), b.text("title"),
                b.text("author"), b.text("subtitle"), b.text("seriesTitle"), b.text("edition"), b.text("titleOfComponent"),
                b.text("authorOfComponent"), b.text("volume"), b.text("issue"), b.text("pagesRequested"),
                ids(b, "bibliographicItemId", "bibliographicItemIdentifierCode", "bibliographicItemIdentifier"),
                ids(b, "bibliographicRecordId", "bibliographicRecordIdentifierCode", "bibliographicRecordIdentifier"));
        XmlElement p = body.child("publicationInfo");
        Request.PublicationInfo pub = p == null ? null : new Request.PublicationInfo(p.text("publisher"),
                p.text("publicationType"), p.text("publicationDate"), p.text("placeOfPublication"));
        XmlElement s = body.child("serviceInfo");
        Request.ServiceInfo service = null;
        if (s != null) {
            XmlElement requestType = s.child("requestType");
            List<Request.RequestSubType> subTypes = new ArrayList<>();
            for (XmlElement t : s.children("requestSubType")) {
                subTypes.add(code(t, Request.RequestSubType.values(), Request.RequestSubType::code));
            }
            service = new Request.ServiceInfo(
                    requestType == null ? null : code(requestType, Request.RequestType.values(), Request.RequestType::code),
                    subTypes, code(required(s, "serviceType"), ServiceType.values(), ServiceType::code),
                    s.text("serviceLevel"), optionalDateTime(s, "needBeforeDate"), s.text("note"));
        }
        return new Request(header(required(body, "header")), bib, pub, service);
    }

    private static List<Request.BibliographicId> ids(XmlElement parent, String element, String codeName, String valueName) {
        List<Request.BibliographicId> ids = new ArrayList<>();
        for (XmlElement id : parent.children(element)) {
            ids.add(new Request.BibliographicId(required(id, codeName).text(), required(id, valueName).text()));
        }
        return ids;
    }

    private static SupplyingAgencyMessage supplyingAgencyMessage(XmlElement body) {
        XmlElement m = required(body, "messageInfo");
        XmlElement answer = m.child("answerYesNo");
        SupplyingAgencyMessage.MessageInfo info = new SupplyingAgencyMessage.MessageInfo(
                reason(required(m, "reasonForMessage")), answer == null ? null : answer.text().equals("Y"),
                m.text("note"), m.text("reasonUnfilled"));
        XmlElement s = required(body, "statusInfo");
        SupplyingAgencyMessage.StatusInfo status = new SupplyingAgencyMessage.StatusInfo(
                code(required(s, "status"), SupplierStatus.values(), SupplierStatus::code),
                optionalDateTime(s, "expectedDeliveryDate"), optionalDateTime(s, "dueDate"),
                dateTime(required(s, "lastChange")));
        XmlElement d = body.child("deliveryInfo");
        SupplyingAgencyMessage.DeliveryInfo delivery = null;
        if (d != null) {
            XmlElement toPatron = d.child("sentToPatron");
            delivery = new SupplyingAgencyMessage.DeliveryInfo(dateTime(required(d, "dateSent")), d.text("itemId"),
                    d.text("sentVia"), toPatron == null ? null : xsBoolean(toPatron), d.text("loanCondition"));
        }
        return new SupplyingAgencyMessage(header(required(body, "header")), info, status, delivery);
    }

    private static Header header(XmlElement h) {
        return new Header(agency(required(h, "supplyingAgencyId")), agency(required(h, "requestingAgencyId")),
                h.text("multipleItemRequestId"), dateTime(required(h, "timestamp")),
                required(h, "requestingAgencyRequestId").text(), h.text("supplyingAgencyRequestId"));
    }

    private static ConfirmationHeader confirmationHeader(XmlElement h) {
        return new ConfirmationHeader(optionalAgency(h.child("supplyingAgencyId")),
                optionalAgency(h.child("requestingAgencyId")), dateTime(required(h, "timestamp")),
                h.text("requestingAgencyRequestId"), h.text("multipleItemRequestId"),
                dateTime(required(h, "timestampReceived")),
                ConfirmationHeader.MessageStatus.valueOf(required(h, "messageStatus").text()));
    }

    private static @Nullable ErrorData errorData(XmlElement body) {
        XmlElement e = body.child("errorData");
        if (e == null) {
            return null;
        }
        XmlElement type = required(e, "errorType");
        RefusalKind kind = RefusalKind.fromErrorType(type.text())
                .orElseThrow(() -> refused(type, "unknown errorType '" + type.text() + "'"));
        return new ErrorData(kind, e.text("errorValue"));
    }

    private static AgencyId agency(XmlElement id) {
        try {
            return new AgencyId(required(id, "agencyIdType").text(), required(id, "agencyIdValue").text());
        } catch (IllegalArgumentException e) {
            throw refused(id, id.name() + ": " + e.getMessage());
        }
    }

    /** A confirmation may name an agency with empty values (crosslink confirms so when it has none): no agency. */
    private static @Nullable AgencyId optionalAgency(@Nullable XmlElement id) {
        if (id == null || id.text("agencyIdType") == null && id.text("agencyIdValue") == null) {
            return null;
        }
        return agency(id);
    }

    private static ReasonForMessage reason(XmlElement e) {
        return code(e, ReasonForMessage.values(), ReasonForMessage::code);
    }

    private static RequestingAgencyMessage.Action action(XmlElement e) {
        return code(e, RequestingAgencyMessage.Action.values(), RequestingAgencyMessage.Action::code);
    }

    /** The enum constant whose ISO code is the element's text; the schema has already checked the spelling. */
    private static <T> T code(XmlElement e, T[] values, Function<T, String> code) {
        String text = e.text();
        for (T v : values) {
            if (code.apply(v).equals(text)) {
                return v;
            }
        }
        throw refused(e, e.name() + " '" + text + "' is not an ISO 18626 code");
    }

    private static boolean xsBoolean(XmlElement e) {
        String t = e.text();
        return t.equals("true") || t.equals("1");
    }

    private static @Nullable Instant optionalDateTime(XmlElement parent, String name) {
        XmlElement e = parent.child(name);
        return e == null ? null : dateTime(e);
    }

    private static Instant dateTime(XmlElement e) {
        try {
            return XmlDateTime.parse(e.text());
        } catch (DateTimeException ex) {
            throw refused(e, e.name() + " '" + e.text() + "' is not a date-time this reader can hold: " + ex.getMessage());
        }
    }

    private static XmlElement required(XmlElement parent, String name) {
        return Optional.ofNullable(parent.child(name))
                .orElseThrow(() -> refused(parent, parent.name() + " has no " + name));
    }

    private static Iso18626Exception refused(XmlElement at, String message) {
        return new Iso18626Exception(message, at.line(), at.column(), null);
    }
}
