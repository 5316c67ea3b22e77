package org.navette.ill;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One interlending request as staff or a peer system sent it: what is wanted (a citation, often
 * sparse and noisy), who wants it and how. Read from a CSV row or an ISO 18626 {@code request}; the
 * same value feeds matching, the rota and the lifecycle.
 *
 * <pre>{@code
 * IllRequest r = IllRequest.builder("req-17")
 *         .title("Le petit prince").author("Saint-Exupery").year(1946)
 *         .isbn("2070612759").requester(AgencyId.parse("ISIL:FR-39001"))
 *         .service(ServiceType.LOAN).build();
 * }</pre>
 *
 * <p>Thread-safety: immutable. Text fields are stripped; blank ones are absent.
 */
public final class IllRequest {
    /** An identifier of the wanted item or of a record describing it, with its scheme (ISBN, ISSN, OCLC, LCCN...). */
    public record Identifier(String scheme, String value) {
        public Identifier {
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(value, "value");
            if (scheme.isBlank() || value.isBlank()) {
                throw new IllegalArgumentException("identifier scheme and value must not be blank: '" + scheme + "' '" + value + "'");
            }
        }
    }

    private final String id;
    private final @Nullable String title;
    private final @Nullable String author;
    private final @Nullable Integer year;
    private final List<String> isbns;
    private final List<String> issns;
    private final List<Identifier> otherIdentifiers;
    private final @Nullable String publisher;
    private final @Nullable String placeOfPublication;
    private final @Nullable String edition;
    private final @Nullable String materialType;
    private final @Nullable String componentTitle;
    private final @Nullable String componentAuthor;
    private final ServiceType service;
    private final @Nullable AgencyId requester;
    private final @Nullable LocalDate needBefore;
    private final @Nullable String supplierUniqueRecordId;

    private IllRequest(Builder b) {
        id = b.id;
        title = b.title;
        author = b.author;
        year = b.year;
        isbns = List.copyOf(b.isbns);
        issns = List.copyOf(b.issns);
        otherIdentifiers = List.copyOf(b.otherIdentifiers);
        publisher = b.publisher;
        placeOfPublication = b.placeOfPublication;
        edition = b.edition;
        materialType = b.materialType;
        componentTitle = b.componentTitle;
        componentAuthor = b.componentAuthor;
        service = b.service;
        requester = b.requester;
        needBefore = b.needBefore;
        supplierUniqueRecordId = b.supplierUniqueRecordId;
    }

    /** A builder for the request {@code id} (the requester's own id for it; never blank). */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.title = title;
        b.author = author;
        b.year = year;
        b.isbns.addAll(isbns);
        b.issns.addAll(issns);
        b.otherIdentifiers.addAll(otherIdentifiers);
        b.publisher = publisher;
        b.placeOfPublication = placeOfPublication;
        b.edition = edition;
        b.materialType = materialType;
        b.componentTitle = componentTitle;
        b.componentAuthor = componentAuthor;
        b.service = service;
        b.requester = requester;
        b.needBefore = needBefore;
        b.supplierUniqueRecordId = supplierUniqueRecordId;
        return b;
    }

    public String id() { return id; }

    public Optional<String> title() { return Optional.ofNullable(title); }

    public Optional<String> author() { return Optional.ofNullable(author); }

    public Optional<Integer> year() { return Optional.ofNullable(year); }

    /** ISBNs as given (10 or 13 digits, hyphens kept as sent). */
    public List<String> isbns() { return isbns; }

    public List<String> issns() { return issns; }

    /** Identifiers of other schemes (OCLC, LCCN, a record id...). */
    public List<Identifier> otherIdentifiers() { return otherIdentifiers; }

    public Optional<String> publisher() { return Optional.ofNullable(publisher); }

    public Optional<String> placeOfPublication() { return Optional.ofNullable(placeOfPublication); }

    public Optional<String> edition() { return Optional.ofNullable(edition); }

    /** The kind of material as sent ({@code book}, {@code Article}, {@code Journal}...). */
    public Optional<String> materialType() { return Optional.ofNullable(materialType); }

    /** The article or chapter wanted, for a copy. */
    public Optional<String> componentTitle() { return Optional.ofNullable(componentTitle); }

    public Optional<String> componentAuthor() { return Optional.ofNullable(componentAuthor); }

    /** Loan, copy or either; {@link ServiceType#LOAN} when the sender did not say. */
    public ServiceType service() { return service; }

    public Optional<AgencyId> requester() { return Optional.ofNullable(requester); }

    public Optional<LocalDate> needBefore() { return Optional.ofNullable(needBefore); }

    /** The record id at the supplier the sender expects to lend, when it named one. */
    public Optional<String> supplierUniqueRecordId() { return Optional.ofNullable(supplierUniqueRecordId); }

    @Override
    public boolean equals(Object o) {
        return o instanceof IllRequest r && id.equals(r.id) && Objects.equals(title, r.title)
                && Objects.equals(author, r.author) && Objects.equals(year, r.year) && isbns.equals(r.isbns)
                && issns.equals(r.issns) && otherIdentifiers.equals(r.otherIdentifiers)
                && Objects.equals(publisher, r.publisher) && Objects.equals(placeOfPublication, r.placeOfPublication)
                && Objects.equals(edition, r.edition) && Objects.equals(materialType, r.materialType)
                && Objects.equals(componentTitle, r.componentTitle) && Objects.equals(componentAuthor, r.componentAuthor)
                && service == r.service && Objects.equals(requester, r.requester)
                && Objects.equals(needBefore, r.needBefore) && Objects.equals(supplierUniqueRecordId, r.supplierUniqueRecordId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, author, year, isbns, issns, requester);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("IllRequest[").append(id);
        if (title != null) {
            s.append(", title=").append(title);
        }
        if (author != null) {
            s.append(", author=").append(author);
        }
        if (year != null) {
            s.append(", year=").append(year);
        }
        if (!isbns.isEmpty()) {
            s.append(", isbn=").append(isbns);
        }
        if (!issns.isEmpty()) {
            s.append(", issn=").append(issns);
        }
        s.append(", ").append(service.code());
        if (requester != null) {
            s.append(", requester=").append(requester);
        }
        return s.append(']').toString();
    }

    /** Builds an {@link IllRequest}; each setter validates at once and names the bad value. */
    public static final class Builder {
        private final String id;
        private @Nullable String title;
        private @Nullable String author;
        private @Nullable Integer year;
        private final List<String> isbns = new ArrayList<>();
        private final List<String> issns = new ArrayList<>();
        private final List<Identifier> otherIdentifiers = new ArrayList<>();
        private @Nullable String publisher;
        private @Nullable String placeOfPublication;
        private @Nullable String edition;
        private @Nullable String materialType;
        private @Nullable String componentTitle;
        private @Nullable String componentAuthor;
        private ServiceType service = ServiceType.LOAN;
        private @Nullable AgencyId requester;
        private @Nullable LocalDate needBefore;
        private @Nullable String supplierUniqueRecordId;

        private Builder(String id) {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("a request id must not be blank");
            }
            this.id = id.strip();
        }

        public Builder title(@Nullable String title) { this.title = clean(title); return this; }

        public Builder author(@Nullable String author) { this.author = clean(author); return this; }

        /** @throws IllegalArgumentException unless 1 &lt;= year &lt;= 9999 */
        public Builder year(@Nullable Integer year) {
            if (year != null && (year < 1 || year > 9999)) {
                throw new IllegalArgumentException("year must be between 1 and 9999: " + year);
            }
            this.year = year;
            return this;
        }

        public Builder isbn(@Nullable String isbn) { add(isbns, isbn); return this; }

        public Builder issn(@Nullable String issn) { add(issns, issn); return this; }

        public Builder identifier(String scheme, String value) { otherIdentifiers.add(new Identifier(scheme.strip(), value.strip())); return this; }

        public Builder publisher(@Nullable String publisher) { this.publisher = clean(publisher); return this; }

        public Builder placeOfPublication(@Nullable String place) { this.placeOfPublication = clean(place); return this; }

        public Builder edition(@Nullable String edition) { this.edition = clean(edition); return this; }

        public Builder materialType(@Nullable String materialType) { this.materialType = clean(materialType); return this; }

        public Builder componentTitle(@Nullable String componentTitle) { this.componentTitle = clean(componentTitle); return this; }

        public Builder componentAuthor(@Nullable String componentAuthor) { this.componentAuthor = clean(componentAuthor); return this; }

        public Builder service(ServiceType service) { this.service = Objects.requireNonNull(service, "service"); return this; }

        public Builder requester(@Nullable AgencyId requester) { this.requester = requester; return this; }

        public Builder needBefore(@Nullable LocalDate needBefore) { this.needBefore = needBefore; return this; }

        public Builder supplierUniqueRecordId(@Nullable String id) { this.supplierUniqueRecordId = clean(id); return this; }

        public IllRequest build() {
            return new IllRequest(this);
        }

        private static @Nullable String clean(@Nullable String s) {
            if (s == null) {
                return null;
            }
            String t = s.strip();
            return t.isEmpty() ? null : t;
        }

        private static void add(List<String> list, @Nullable String value) {
            String v = clean(value);
            if (v != null && !list.contains(v)) {
                list.add(v);
            }
        }
    }
}
