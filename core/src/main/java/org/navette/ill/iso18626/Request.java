package org.navette.ill.iso18626;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.navette.ill.AgencyId;
import org.navette.ill.IllRequest;
import org.navette.ill.ServiceType;

/**
 * An ISO 18626 {@code request}: what the requesting agency wants and how. Holds the parts real
 * senders fill (ReShare, Index Data's crosslink); patron, supplier list, delivery address and
 * billing are not modelled and are dropped when read.
 *
 * <pre>{@code
 * Request r = Request.of(illRequest, AgencyId.parse("ISIL:FR-9"), AgencyId.parse("ISIL:FR-1"), clock.instant());
 * String xml = writer.write(r);
 * IllRequest back = ((Request) reader.read(xml)).toIllRequest();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public record Request(Header header, BibliographicInfo bibliographicInfo, @Nullable PublicationInfo publicationInfo,
        @Nullable ServiceInfo serviceInfo) implements Iso18626Message {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    public Request {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(bibliographicInfo, "bibliographicInfo");
    }

    /** An identifier and its code ({@code ISBN}, {@code ISSN}, {@code OCLC}...), as {@code bibliographicItemId} or {@code bibliographicRecordId} carry them. */
    public record BibliographicId(String code, String identifier) {
        public BibliographicId {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(identifier, "identifier");
        }
    }

    /** {@code bibliographicInfo}: every field optional, as in the schema. */
    public record BibliographicInfo(@Nullable String supplierUniqueRecordId, @Nullable String title,
            @Nullable String author, @Nullable String subtitle, @Nullable String seriesTitle, @Nullable String edition,
            @Nullable String titleOfComponent, @Nullable String authorOfComponent, @Nullable String volume,
            @Nullable String issue, @Nullable String pagesRequested, List<BibliographicId> bibliographicItemIds,
            List<BibliographicId> bibliographicRecordIds) {
        public BibliographicInfo {
            bibliographicItemIds = List.copyOf(bibliographicItemIds);
            bibliographicRecordIds = List.copyOf(bibliographicRecordIds);
        }
    }

    /** {@code publicationInfo}; {@code publicationDate} is free text in the schema ({@code 1954}, {@code c1954}, {@code 2003-05}). */
    public record PublicationInfo(@Nullable String publisher, @Nullable String publicationType,
            @Nullable String publicationDate, @Nullable String placeOfPublication) {
    }

    /** ISO 18626 {@code requestType}. */
    public enum RequestType {
        NEW("New"), RETRY("Retry"), REMINDER("Reminder");

        private final String code;

        RequestType(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** ISO 18626 {@code requestSubType} (up to three in a request). */
    public enum RequestSubType {
        BOOKING_REQUEST("BookingRequest"), MULTIPLE_ITEM_REQUEST("MultipleItemRequest"), PATRON_REQUEST("PatronRequest"),
        TRANSFER_REQUEST("TransferRequest"), SUPPLYING_LIBRARYS_CHOICE("SupplyingLibrarysChoice");

        private final String code;

        RequestSubType(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** {@code serviceInfo}; {@code serviceType} is its one required element. */
    public record ServiceInfo(@Nullable RequestType requestType, List<RequestSubType> requestSubTypes,
            ServiceType serviceType, @Nullable String serviceLevel, @Nullable Instant needBeforeDate, @Nullable String note) {
        public ServiceInfo {
            requestSubTypes = List.copyOf(requestSubTypes);
            Objects.requireNonNull(serviceType, "serviceType");
            if (requestSubTypes.size() > 3) {
                throw new IllegalArgumentException("at most 3 requestSubTypes: " + requestSubTypes);
            }
        }
    }

    /**
     * A new request for {@code request}, sent by {@code requester} to {@code supplier} at
     * {@code timestamp}. The request id becomes {@code requestingAgencyRequestId}; ISBNs, ISSNs and
     * other identifiers become {@code bibliographicItemId}s coded by their scheme; the year becomes
     * {@code publicationDate}; {@code needBefore} is sent as the start of that day in UTC.
     */
    public static Request of(IllRequest request, AgencyId requester, AgencyId supplier, Instant timestamp) {
        Objects.requireNonNull(request, "request");
        List<BibliographicId> ids = new ArrayList<>();
        request.isbns().forEach(i -> ids.add(new BibliographicId("ISBN", i)));
        request.issns().forEach(i -> ids.add(new BibliographicId("ISSN", i)));
        request.otherIdentifiers().forEach(i -> ids.add(new BibliographicId(i.scheme(), i.value())));
        BibliographicInfo bib = new BibliographicInfo(request.supplierUniqueRecordId().orElse(null),
                request.title().orElse(null), request.author().orElse(null), null, null, request.edition().orElse(null),
                request.componentTitle().orElse(null), request.componentAuthor().orElse(null), null, null, null, ids, List.of());
        PublicationInfo pub = new PublicationInfo(request.publisher().orElse(null), request.materialType().orElse(null),
                request.year().map(y -> String.format(Locale.ROOT, "%04d", y)).orElse(null),
                request.placeOfPublication().orElse(null));
        boolean noPublication = pub.publisher() == null && pub.publicationType() == null
                && pub.publicationDate() == null && pub.placeOfPublication() == null;
        ServiceInfo service = new ServiceInfo(RequestType.NEW, List.of(), request.service(), null,
                request.needBefore().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(null), null);
        Header header = new Header(supplier, requester, null, timestamp, request.id(), null);
        return new Request(header, bib, noPublication ? null : pub, service);
    }

    /** The same request under another header: re-addressed to the next lender, re-timestamped. */
    public Request withHeader(Header newHeader) {
        return new Request(newHeader, bibliographicInfo, publicationInfo, serviceInfo);
    }

    /**
     * This request as the value matching and the lifecycle use: {@code requestingAgencyRequestId} is
     * its id, the header's requesting agency its requester, the year the first four digits of
     * {@code publicationDate}, {@code ISBN}/{@code ISSN} item ids (any case) its ISBNs and ISSNs, and
     * every other item or record id an identifier of that code.
     *
     * @throws Iso18626Exception if the header has an empty {@code requestingAgencyRequestId}
     */
    public IllRequest toIllRequest() {
        BibliographicInfo b = bibliographicInfo;
        IllRequest.Builder r = IllRequest.builder(header.requestId())
                .requester(header.requestingAgencyId())
                .supplierUniqueRecordId(b.supplierUniqueRecordId())
                .title(b.title()).author(b.author()).edition(b.edition())
                .componentTitle(b.titleOfComponent()).componentAuthor(b.authorOfComponent());
        for (BibliographicId id : b.bibliographicItemIds()) {
            String code = id.code().strip().toUpperCase(Locale.ROOT);
            if (id.identifier().isBlank() || id.code().isBlank()) {
                continue;
            }
            if (code.equals("ISBN")) {
                r.isbn(id.identifier());
            } else if (code.equals("ISSN")) {
                r.issn(id.identifier());
            } else {
                r.identifier(id.code(), id.identifier());
            }
        }
        for (BibliographicId id : b.bibliographicRecordIds()) {
            if (!id.identifier().isBlank() && !id.code().isBlank()) {
                r.identifier(id.code(), id.identifier());
            }
        }
        if (publicationInfo != null) {
            r.publisher(publicationInfo.publisher()).placeOfPublication(publicationInfo.placeOfPublication())
                    .materialType(publicationInfo.publicationType());
            year(publicationInfo.publicationDate()).ifPresent(r::year);
        }
        if (serviceInfo != null) {
            r.service(serviceInfo.serviceType());
            if (serviceInfo.needBeforeDate() != null) {
                r.needBefore(LocalDate.ofInstant(serviceInfo.needBeforeDate(), ZoneOffset.UTC));
            }
        }
        return r.build();
    }

    /** The first run of four digits, when it is a year IllRequest accepts ("0000" is none). */
    private static Optional<Integer> year(@Nullable String publicationDate) {
        if (publicationDate == null) {
            return Optional.empty();
        }
        Matcher m = YEAR.matcher(publicationDate);
        if (!m.find()) {
            return Optional.empty();
        }
        int y = Integer.parseInt(m.group());
        return y >= 1 ? Optional.of(y) : Optional.empty();
    }
}
