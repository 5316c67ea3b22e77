package org.navette.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.navette.match.internal.Extent;
import org.navette.match.internal.NameKey;
import org.navette.model.BibRecord;
import org.navette.model.Carrier;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;
import org.navette.model.MaterialType;

/**
 * Everything the matcher compares about one record, normalised once: identifiers, title and author
 * keys, year, pagination, edition and part numbers, publisher, material type and carrier, the
 * blocking keys, and a Gold Rush match key.
 *
 * <pre>{@code
 * MatchKeys k = Matcher.ofDefaults().keys(record);
 * k.isbns();          // [9782070409228]
 * k.titleKey();       // "miserables"
 * k.authorKey();      // "hugo v"
 * k.editionNumber();  // 2  (from "2e éd.")
 * k.goldRushKey();    // "miserables_____..._p"
 * }</pre>
 *
 * <p>Thread-safety: immutable; the Gold Rush key is computed on first use, idempotently.
 */
public final class MatchKeys {
    final BibRecord record;
    final List<String> isbns;
    final Set<String> setIsbns;
    final List<String> issns;
    final Map<IdentifierKey, Set<String>> ids;
    final List<String> properTokens;
    final List<String> fullTokens;
    final boolean hasRemainder;
    final Set<String> titleNumbers;
    final List<NameKey> authors;
    final List<String> responsibilityTokens;
    final Integer year;
    final Extent extent;
    final int editionNumber;
    final String partNumber;
    final List<String> publisherTokens;
    final List<String> containerTokens;
    final String language;
    final List<String> blockingKeys;
    private final GoldRushSource goldRush;
    private volatile String goldRushKey;
    /** {@link #contentHash()}, 0 until computed (a benign race: every thread computes the same value). */
    private int contentHash;

    /** Computes the Gold Rush key of a record on demand (it is not needed for matching). */
    interface GoldRushSource {
        String keyOf(BibRecord record);
    }

    MatchKeys(BibRecord record, List<String> isbns, Set<String> setIsbns, List<String> issns,
              Map<IdentifierKey, Set<String>> ids, List<String> properTokens, List<String> fullTokens, boolean hasRemainder,
              Set<String> titleNumbers, List<NameKey> authors, List<String> responsibilityTokens, Integer year,
              Extent extent, int editionNumber, String partNumber, List<String> publisherTokens,
              List<String> containerTokens, String language, List<String> blockingKeys, GoldRushSource goldRush) {
        this.record = record;
        this.isbns = List.copyOf(isbns);
        this.setIsbns = Set.copyOf(setIsbns);
        this.issns = List.copyOf(issns);
        this.ids = Map.copyOf(ids);
        this.properTokens = List.copyOf(properTokens);
        this.fullTokens = List.copyOf(fullTokens);
        this.hasRemainder = hasRemainder;
        this.titleNumbers = Set.copyOf(titleNumbers);
        this.authors = List.copyOf(authors);
        this.responsibilityTokens = List.copyOf(responsibilityTokens);
        this.year = year;
        this.extent = extent;
        this.editionNumber = editionNumber;
        this.partNumber = partNumber;
        this.publisherTokens = List.copyOf(publisherTokens);
        this.containerTokens = List.copyOf(containerTokens);
        this.language = language;
        this.blockingKeys = List.copyOf(blockingKeys);
        this.goldRush = goldRush;
    }

    /** The record these keys were computed from. */
    public BibRecord record() { return record; }

    /** ISBN-13s of the record (ISBN-10s converted), set ISBNs included. */
    public List<String> isbns() { return isbns; }

    /** ISSNs ("1234-5678"). */
    public List<String> issns() { return issns; }

    /**
     * Identifiers other than ISBN/ISSN that the matcher trusts: LCCN, OCLC, national library ids,
     * DOI, ISMN/EAN, qualified system numbers. Unqualified control numbers (a bare 001) are left out:
     * two catalogues' record 1 are not the same book.
     */
    public List<Identifier> identifiers() {
        List<Identifier> out = new ArrayList<>();
        for (Map.Entry<IdentifierKey, Set<String>> e : ids.entrySet()) {
            for (String v : e.getValue()) {
                out.add(new Identifier(e.getKey().scheme(), e.getKey().qualifier() + v));
            }
        }
        out.sort(java.util.Comparator.comparing(Identifier::toString));
        return out;
    }

    /** The title proper, normalised, without a leading article: "miserables". Empty when the record has no title. */
    public String titleKey() { return String.join(" ", properTokens); }

    /** Title proper, remainder and part name, normalised. */
    public String fullTitleKey() { return String.join(" ", fullTokens); }

    /** The main author as surname plus initials ("hugo v"), or a body's normalised name; null without an author. */
    public String authorKey() { return authors.isEmpty() ? null : authors.get(0).key(); }

    /** Publication year, or null. */
    public Integer year() { return year; }

    /** Main page count from the extent ("xii, 350 p." gives 350), 0 when unknown. */
    public int pages() { return extent.pages(); }

    /** Edition number from the edition statement ("2nd ed.", "2e éd.", "2. Aufl."), 0 when none is stated. */
    public int editionNumber() { return editionNumber; }

    /** Volume / part number ("2", "3.1"), or null when the record is not a part. */
    public String partNumber() { return partNumber; }

    /** Publisher name, normalised without generic words ("editions", "verlag", "press"); empty when unknown. */
    public String publisherKey() { return String.join(" ", publisherTokens); }

    public MaterialType materialType() { return record.materialType(); }

    public Carrier carrier() { return record.carrier(); }

    /** Main language (ISO 639-2/B), or null. */
    public String language() { return language; }

    /** The keys the clusterer blocks on: only records sharing one are ever compared. */
    public List<String> blockingKeys() { return blockingKeys; }

    /**
     * These keys as one line of text, for a store to keep beside the record: {@link #fromCode}
     * gives back keys that compare exactly as these do, without the record's MARC.
     *
     * <pre>{@code
     * String code = matcher.keys(record).toCode();
     * MatchKeys again = MatchKeys.fromCode(code, record.source()).orElseGet(() -> matcher.keys(record));
     * }</pre>
     */
    public String toCode() {
        return MatchKeysCodec.encode(this);
    }

    /**
     * The keys {@link #toCode} encoded, attributed to {@code source}; empty when the code was made by
     * another version of the key extraction (or is damaged): compute the keys from the record then.
     * The keys' {@link #record()} is a placeholder holding the source, format, material type and
     * carrier only, and {@link #goldRushKey()} throws {@link IllegalStateException}.
     */
    public static java.util.Optional<MatchKeys> fromCode(String code, org.navette.model.RecordSource source) {
        return MatchKeysCodec.decode(java.util.Objects.requireNonNull(code, "code"),
                java.util.Objects.requireNonNull(source, "source"));
    }

    /** The Gold Rush match key (September 2021 specification, as ReShare/FOLIO compute it). */
    public String goldRushKey() {
        String k = goldRushKey;
        if (k == null) {
            k = goldRush.keyOf(record);
            goldRushKey = k;
        }
        return k;
    }

    /**
     * Whether the scorer sees no difference between these keys and {@code other}'s apart from their
     * records' sources: every field it reads is equal, so a comparison with any third record whose
     * source is neither's weighs the same. The clusterer reuses decisions on that ground.
     */
    boolean sameContent(MatchKeys other) {
        return this == other || (contentHash() == other.contentHash()
                && record.materialType() == other.record.materialType() && record.carrier() == other.record.carrier()
                && editionNumber == other.editionNumber && hasRemainder == other.hasRemainder
                && java.util.Objects.equals(year, other.year) && java.util.Objects.equals(partNumber, other.partNumber)
                && java.util.Objects.equals(language, other.language) && extent.equals(other.extent)
                && fullTokens.equals(other.fullTokens) && properTokens.equals(other.properTokens)
                && authors.equals(other.authors) && responsibilityTokens.equals(other.responsibilityTokens)
                && isbns.equals(other.isbns) && setIsbns.equals(other.setIsbns) && issns.equals(other.issns)
                && ids.equals(other.ids) && titleNumbers.equals(other.titleNumbers)
                && publisherTokens.equals(other.publisherTokens) && containerTokens.equals(other.containerTokens));
    }

    /** A hash of what {@link #sameContent} compares, computed once. */
    int contentHash() {
        int h = contentHash;
        if (h == 0) {
            h = java.util.Objects.hash(record.materialType(), record.carrier(), editionNumber, hasRemainder, year, partNumber,
                    language, extent, fullTokens, properTokens, authors, responsibilityTokens, isbns, setIsbns, issns, ids,
                    titleNumbers, publisherTokens, containerTokens);
            contentHash = h == 0 ? 1 : h;
        }
        return contentHash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MatchKeys[").append(record.source());
        sb.append(" title=\"").append(fullTitleKey()).append('"');
        if (!authors.isEmpty()) {
            sb.append(" author=\"").append(authorKey()).append('"');
        }
        if (year != null) {
            sb.append(" year=").append(year);
        }
        if (!isbns.isEmpty()) {
            sb.append(" isbn=").append(isbns);
        }
        if (!issns.isEmpty()) {
            sb.append(" issn=").append(issns);
        }
        if (!ids.isEmpty()) {
            sb.append(" ids=").append(identifiers());
        }
        if (!extent.isEmpty()) {
            sb.append(" extent=").append(extent.pages() > 0 ? extent.pages() + "p"
                    : extent.rangeStart() > 0 ? extent.rangeStart() + "-" + extent.rangeEnd() : extent.volumes() + "v");
        }
        if (editionNumber > 0) {
            sb.append(" edition=").append(editionNumber);
        }
        if (partNumber != null) {
            sb.append(" part=").append(partNumber);
        }
        if (!publisherTokens.isEmpty()) {
            sb.append(" publisher=\"").append(publisherKey()).append('"');
        }
        sb.append(' ').append(record.materialType());
        if (record.carrier() != Carrier.UNKNOWN) {
            sb.append('/').append(record.carrier());
        }
        return sb.append(']').toString();
    }
}
