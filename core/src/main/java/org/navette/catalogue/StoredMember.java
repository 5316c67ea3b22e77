package org.navette.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.navette.catalogue.internal.MarcXmlCodec;
import org.navette.match.MatchKeys;
import org.navette.model.BibRecord;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

/**
 * One member record as the store keeps it: who sent it, its original MARC (lossless MARCXML of the
 * decoded record, UTF-8), the fingerprint that tells a changed record from an unchanged one, the
 * cluster it belongs to and its blocking keys (how candidates are found without reading the index
 * whole).
 *
 * <pre>{@code
 * StoredMember m = new StoredMember("bib-dole:000123", "bib-dole", "000123", "9f2c…", "bib-dole:000123",
 *         marcXml, RecordFormat.MARC21, keys.blockingKeys(), keys.toCode(), 17, Instant.now());
 * }</pre>
 *
 * @param id           "LIBRARY:localId", the record's {@link org.navette.model.RecordSource} as text
 * @param library      the member library's id (the {@code building} of VuFind)
 * @param localId      the record's id at the library (001, or the OAI identifier)
 * @param fingerprint  hash of the record's content; equal fingerprints mean nothing to update
 * @param clusterId    the cluster the record belongs to
 * @param fullRecord   the record as MARCXML (UTF-8), what {@code export} gives back
 * @param format       MARC21 or UNIMARC
 * @param matchKeys    the record's blocking keys ({@link org.navette.match.MatchKeys#blockingKeys()})
 * @param keyCode      the record's match keys as text ({@link org.navette.match.MatchKeys#toCode()}), so
 *                     ingest compares it with new records without re-reading its MARC; empty when unknown
 * @param position     order of the record in its library's contribution (file order), for export
 * @param firstIndexed when the record first entered the catalogue (kept across updates)
 */
public record StoredMember(String id, String library, String localId, String fingerprint, String clusterId,
        String fullRecord, RecordFormat format, List<String> matchKeys, String keyCode, long position, Instant firstIndexed) {
    public StoredMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(fullRecord, "fullRecord");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(keyCode, "keyCode");
        Objects.requireNonNull(firstIndexed, "firstIndexed");
        if (!id.equals(library + ":" + localId)) {
            throw new IllegalArgumentException("member id must be library:localId, got " + id + " for " + library + "/" + localId);
        }
        matchKeys = List.copyOf(matchKeys);
    }

    /**
     * A normalised record as ingest stores it: its source names the library and local id, its MARC
     * is kept as MARCXML (what {@code export} gives back) with the fingerprint of that text, and
     * {@code keys} are the matcher's keys of the record. For writing a catalogue by other means (a
     * bulk loader of a benchmark) that ingest then reads as its own.
     *
     * <pre>{@code
     * StoredMember m = StoredMember.of(record, "bib-dole:12", 0, matcher.keys(record), Instant.now());
     * }</pre>
     *
     * @throws IllegalArgumentException when the record carries no MARC
     */
    public static StoredMember of(BibRecord record, String clusterId, long position, MatchKeys keys, Instant firstIndexed) {
        String xml = MarcXmlCodec.toXml(record.marc().orElseThrow(
                () -> new IllegalArgumentException("record " + record.source() + " carries no MARC to store")));
        RecordSource source = record.source();
        return new StoredMember(source.toString(), source.origin(), source.recordId(), MarcXmlCodec.fingerprint(xml), clusterId,
                xml, record.format(), keys.blockingKeys(), keys.toCode(), position, firstIndexed);
    }

    /** The same member placed in another cluster. */
    public StoredMember withClusterId(String newClusterId) {
        return new StoredMember(id, library, localId, fingerprint, newClusterId, fullRecord, format, matchKeys,
                keyCode, position, firstIndexed);
    }
}
