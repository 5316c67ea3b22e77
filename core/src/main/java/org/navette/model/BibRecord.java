package org.navette.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One bibliographic record normalised into Navette's model, whatever its source format
 * (MARC21, UNIMARC, Dublin Core, scraped HTML). Strings are NFC Unicode.
 *
 * <p>The original MARC record stays reachable through {@link #marc()}: normalising never loses data.
 *
 * <pre>{@code
 * BibRecord r = BibRecord.builder(new RecordSource("zebra", "123"), RecordFormat.MARC21)
 *         .titleProper("Les misérables")
 *         .addAuthor(Author.personal("Hugo, Victor"))
 *         .addIsbn(Isbn.parse("2070409228").orElseThrow())
 *         .year(1995)
 *         .build();
 * r.title(); // "Les misérables"
 * }</pre>
 *
 * <p>Thread-safety: immutable, safe to share, the original MARC record ({@link #marc()}, a read-only
 * {@link MarcRecord}) included.
 */
public final class BibRecord {
    private final RecordSource source;
    private final RecordFormat format;
    private final String titleProper;
    private final String titleRemainder;
    private final String partNumber;
    private final String partName;
    private final String responsibility;
    private final List<Author> authors;
    private final List<Isbn> isbns;
    private final List<String> issns;
    private final List<Identifier> identifiers;
    private final String edition;
    private final String publisher;
    private final String place;
    private final Integer year;
    private final String extent;
    private final List<String> languages;
    private final MaterialType materialType;
    private final Carrier carrier;
    private final List<String> series;
    private final List<String> subjects;
    private final List<Holding> holdings;
    private final String characterSet;
    private final List<RecordProblem> problems;
    private final @Nullable MarcRecord marc;

    private BibRecord(Builder b) {
        source = b.source;
        format = b.format;
        titleProper = b.titleProper;
        titleRemainder = b.titleRemainder;
        partNumber = b.partNumber;
        partName = b.partName;
        responsibility = b.responsibility;
        authors = List.copyOf(b.authors);
        isbns = List.copyOf(b.isbns);
        issns = List.copyOf(b.issns);
        identifiers = List.copyOf(b.identifiers);
        edition = b.edition;
        publisher = b.publisher;
        place = b.place;
        year = b.year;
        extent = b.extent;
        languages = List.copyOf(b.languages);
        materialType = b.materialType;
        carrier = b.carrier;
        series = List.copyOf(b.series);
        subjects = List.copyOf(b.subjects);
        holdings = List.copyOf(b.holdings);
        characterSet = b.characterSet;
        problems = List.copyOf(b.problems);
        marc = b.marc;
    }

    /** A builder for a record from {@code source} in {@code format}; both are required. */
    public static Builder builder(RecordSource source, RecordFormat format) {
        return new Builder(source, format);
    }

    /** A builder holding every value of this record, to derive a changed copy. */
    public Builder toBuilder() {
        return toBuilder(source);
    }

    /** A builder holding every value of this record but attributed to {@code newSource} (a union catalogue's member id). */
    public Builder toBuilder(RecordSource newSource) {
        Builder b = new Builder(newSource, format);
        b.titleProper = titleProper;
        b.titleRemainder = titleRemainder;
        b.partNumber = partNumber;
        b.partName = partName;
        b.responsibility = responsibility;
        b.authors.addAll(authors);
        b.isbns.addAll(isbns);
        b.issns.addAll(issns);
        b.identifiers.addAll(identifiers);
        b.edition = edition;
        b.publisher = publisher;
        b.place = place;
        b.year = year;
        b.extent = extent;
        b.languages.addAll(languages);
        b.materialType = materialType;
        b.carrier = carrier;
        b.series.addAll(series);
        b.subjects.addAll(subjects);
        b.holdings.addAll(holdings);
        b.characterSet = characterSet;
        b.problems.addAll(problems);
        b.marc = marc;
        return b;
    }

    /** Where the record came from: target/library/file and its id there. */
    public RecordSource source() { return source; }

    /** The format the record was catalogued in. */
    public RecordFormat format() { return format; }

    /** Title proper (245$a / 200$a) without trailing ISBD punctuation; null when the record has none. */
    public String titleProper() { return titleProper; }

    /** Remainder of title / other title information (245$b / 200$e); null when absent. */
    public String titleRemainder() { return titleRemainder; }

    /** Number of part/section (245$n / 200$h), e.g. "Vol. 2"; null when absent. */
    public String partNumber() { return partNumber; }

    /** Name of part/section (245$p / 200$i); null when absent. */
    public String partName() { return partName; }

    /** The display title: title proper, then " : " remainder, then part number and name. Null without a title. */
    public String title() {
        if (titleProper == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(titleProper);
        if (titleRemainder != null) {
            sb.append(" : ").append(titleRemainder);
        }
        if (partNumber != null) {
            sb.append(". ").append(partNumber);
        }
        if (partName != null) {
            sb.append(partNumber != null ? ", " : ". ").append(partName);
        }
        return sb.toString();
    }

    /** Statement of responsibility (245$c / 200$f); null when absent. */
    public String responsibility() { return responsibility; }

    /** Authors, main entry first, in record order. */
    public List<Author> authors() { return authors; }

    /** Valid ISBNs in record order, normalised to ISBN-13. */
    public List<Isbn> isbns() { return isbns; }

    /** Valid-looking ISSNs ("1234-5678"), in record order. */
    public List<String> issns() { return issns; }

    /** Other identifiers: LCCN, OCLC, BnF, Sudoc, 035 numbers, 001, invalid ISBNs, URLs. */
    public List<Identifier> identifiers() { return identifiers; }

    /** Identifiers of one scheme, in record order. */
    public List<String> identifiers(IdentifierScheme scheme) {
        List<String> out = new ArrayList<>();
        for (Identifier id : identifiers) {
            if (id.scheme() == scheme) {
                out.add(id.value());
            }
        }
        return out;
    }

    /** Edition statement (250$a / 205$a); null when absent. */
    public String edition() { return edition; }

    /** First publisher name (264$b / 260$b / 210$c / 214$c); null when absent. */
    public String publisher() { return publisher; }

    /** First place of publication (264$a / 260$a / 210$a / 214$a); null when absent. */
    public String place() { return place; }

    /** Year of publication as a number; null when the record gives none that can be read. */
    public Integer year() { return year; }

    /** Extent / pagination (300$a / 215$a); null when absent. */
    public String extent() { return extent; }

    /** Languages as ISO 639-2/B codes ("fre", "eng"), first the main one. */
    public List<String> languages() { return languages; }

    /** What kind of resource; {@link MaterialType#OTHER} when it cannot be told. */
    public MaterialType materialType() { return materialType; }

    /** Print, electronic, microform...; {@link Carrier#UNKNOWN} when it cannot be told. */
    public Carrier carrier() { return carrier; }

    /** Series statements / titles (490, 830 / 225, 410). */
    public List<String> series() { return series; }

    /** Subject headings as display strings, subdivisions joined with " -- ". */
    public List<String> subjects() { return subjects; }

    /** Holdings (items) in record order. */
    public List<Holding> holdings() { return holdings; }

    /**
     * The record as the catalogue of {@code library} gives it: holdings that name no library are
     * that library's, and a record without holdings is held there (a village library's server often
     * sends bibliographic records alone). Holdings naming another library stay theirs.
     *
     * <pre>{@code
     * BibRecord held = record.heldBy("bib-dole");   // record.holdings() empty -> one holding at bib-dole
     * }</pre>
     */
    public BibRecord heldBy(String library) {
        if (library == null || library.isBlank()) {
            throw new IllegalArgumentException("library must not be blank");
        }
        if (holdings.isEmpty()) {
            return toBuilder().addHolding(Holding.builder().library(library).build()).build();
        }
        if (holdings.stream().allMatch(h -> h.library() != null)) {
            return this;
        }
        List<Holding> named = new ArrayList<>(holdings.size());
        for (Holding h : holdings) {
            named.add(h.library() != null ? h : new Holding(library, h.branch(), h.location(), h.callNumber(),
                    h.barcode(), h.status(), h.availability(), h.note()));
        }
        return toBuilder().holdings(named).build();
    }

    /** The character set the record's bytes were decoded from ("UTF-8", "MARC-8", "ISO-5426"...); null when not applicable. */
    public String characterSet() { return characterSet; }

    /** Problems found while reading and normalising this record; empty for a clean record. */
    public List<RecordProblem> problems() { return problems; }

    /** The original MARC record as read (already decoded to Unicode); empty for non-MARC sources. */
    public Optional<MarcRecord> marc() { return Optional.ofNullable(marc); }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BibRecord)) {
            return false;
        }
        BibRecord r = (BibRecord) o;
        return source.equals(r.source) && format == r.format && Objects.equals(titleProper, r.titleProper)
                && Objects.equals(titleRemainder, r.titleRemainder) && Objects.equals(partNumber, r.partNumber)
                && Objects.equals(partName, r.partName) && Objects.equals(responsibility, r.responsibility)
                && authors.equals(r.authors) && isbns.equals(r.isbns) && issns.equals(r.issns)
                && identifiers.equals(r.identifiers) && Objects.equals(edition, r.edition)
                && Objects.equals(publisher, r.publisher) && Objects.equals(place, r.place)
                && Objects.equals(year, r.year) && Objects.equals(extent, r.extent)
                && languages.equals(r.languages) && materialType == r.materialType && carrier == r.carrier
                && series.equals(r.series) && subjects.equals(r.subjects) && holdings.equals(r.holdings)
                && Objects.equals(characterSet, r.characterSet) && problems.equals(r.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, format, titleProper, authors, isbns, year);
    }

    @Override
    public String toString() {
        return "BibRecord[" + source + " " + format.code() + " \"" + title() + "\""
                + (authors.isEmpty() ? "" : " / " + authors.get(0).name())
                + (year == null ? "" : " " + year) + "]";
    }

    /**
     * Builds {@link BibRecord}s. Setters accept null (meaning absent) and blank strings (treated as
     * absent); {@link #year(Integer)} rejects values outside 1..2999 with the bad value in the message.
     * Not thread-safe.
     */
    public static final class Builder {
        // compiled once: normalisers call these setters for every record
        private static final java.util.regex.Pattern ISSN = java.util.regex.Pattern.compile("\\d{4}-?\\d{3}[\\dXx]");

        private final RecordSource source;
        private final RecordFormat format;
        private String titleProper;
        private String titleRemainder;
        private String partNumber;
        private String partName;
        private String responsibility;
        private final List<Author> authors = new ArrayList<>();
        private final List<Isbn> isbns = new ArrayList<>();
        private final List<String> issns = new ArrayList<>();
        private final List<Identifier> identifiers = new ArrayList<>();
        private String edition;
        private String publisher;
        private String place;
        private Integer year;
        private String extent;
        private final List<String> languages = new ArrayList<>();
        private MaterialType materialType = MaterialType.OTHER;
        private Carrier carrier = Carrier.UNKNOWN;
        private final List<String> series = new ArrayList<>();
        private final List<String> subjects = new ArrayList<>();
        private final List<Holding> holdings = new ArrayList<>();
        private String characterSet;
        private final List<RecordProblem> problems = new ArrayList<>();
        private @Nullable MarcRecord marc;

        private Builder(RecordSource source, RecordFormat format) {
            if (source == null) {
                throw new IllegalArgumentException("record source must not be null");
            }
            if (format == null) {
                throw new IllegalArgumentException("record format must not be null (source " + source + ")");
            }
            this.source = source;
            this.format = format;
        }

        private static String text(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        public Builder titleProper(String titleProper) { this.titleProper = text(titleProper); return this; }
        public Builder titleRemainder(String titleRemainder) { this.titleRemainder = text(titleRemainder); return this; }
        public Builder partNumber(String partNumber) { this.partNumber = text(partNumber); return this; }
        public Builder partName(String partName) { this.partName = text(partName); return this; }
        public Builder responsibility(String responsibility) { this.responsibility = text(responsibility); return this; }
        public Builder edition(String edition) { this.edition = text(edition); return this; }
        public Builder publisher(String publisher) { this.publisher = text(publisher); return this; }
        public Builder place(String place) { this.place = text(place); return this; }
        public Builder extent(String extent) { this.extent = text(extent); return this; }
        public Builder characterSet(String characterSet) { this.characterSet = text(characterSet); return this; }
        public Builder marc(@Nullable MarcRecord marc) { this.marc = marc; return this; }

        /** @throws IllegalArgumentException when the year is outside 1..2999 */
        public Builder year(Integer year) {
            if (year != null && (year < 1 || year > 2999)) {
                throw new IllegalArgumentException("year must be within 1..2999, was " + year + " (record " + source + ")");
            }
            this.year = year;
            return this;
        }

        public Builder materialType(MaterialType materialType) {
            this.materialType = materialType == null ? MaterialType.OTHER : materialType;
            return this;
        }

        public Builder carrier(Carrier carrier) {
            this.carrier = carrier == null ? Carrier.UNKNOWN : carrier;
            return this;
        }

        public Builder addAuthor(Author a) { authors.add(Objects.requireNonNull(a, "author")); return this; }
        public Builder addIsbn(Isbn i) { if (!isbns.contains(i)) { isbns.add(Objects.requireNonNull(i, "isbn")); } return this; }
        public Builder addIdentifier(Identifier i) { if (!identifiers.contains(i)) { identifiers.add(Objects.requireNonNull(i, "identifier")); } return this; }
        public Builder addHolding(Holding h) { holdings.add(Objects.requireNonNull(h, "holding")); return this; }
        public Builder addProblem(RecordProblem p) { problems.add(Objects.requireNonNull(p, "problem")); return this; }

        /** Adds an ISSN; accepts "12345678", "1234-5678" and "1234-567X"; anything else is rejected. */
        public Builder addIssn(String issn) {
            String v = text(issn);
            if (v == null || !ISSN.matcher(v).matches()) {
                throw new IllegalArgumentException("ISSN must look like 1234-5678, was " + issn + " (record " + source + ")");
            }
            v = v.replace("-", "").toUpperCase(java.util.Locale.ROOT);
            v = v.substring(0, 4) + "-" + v.substring(4);
            if (!issns.contains(v)) {
                issns.add(v);
            }
            return this;
        }

        /** Three ASCII letters (checked by hand: every record adds its languages). */
        private static boolean isLanguageCode(String v) {
            if (v.length() != 3) {
                return false;
            }
            for (int i = 0; i < 3; i++) {
                char c = v.charAt(i);
                if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')) {
                    return false;
                }
            }
            return true;
        }

        /** Adds an ISO 639-2 language code (three letters, lower-cased); anything else is rejected. */
        public Builder addLanguage(String code) {
            String v = text(code);
            if (v == null || !isLanguageCode(v)) {
                throw new IllegalArgumentException("language must be a 3-letter ISO 639-2 code, was " + code + " (record " + source + ")");
            }
            v = v.toLowerCase(java.util.Locale.ROOT);
            if (!languages.contains(v)) {
                languages.add(v);
            }
            return this;
        }

        public Builder addSeries(String s) { String v = text(s); if (v != null && !series.contains(v)) { series.add(v); } return this; }
        public Builder addSubject(String s) { String v = text(s); if (v != null && !subjects.contains(v)) { subjects.add(v); } return this; }

        public Builder authors(Collection<Author> authors) { this.authors.clear(); authors.forEach(this::addAuthor); return this; }
        public Builder holdings(Collection<Holding> holdings) { this.holdings.clear(); holdings.forEach(this::addHolding); return this; }
        public Builder problems(Collection<RecordProblem> problems) { this.problems.clear(); problems.forEach(this::addProblem); return this; }

        public BibRecord build() {
            return new BibRecord(this);
        }
    }
}
