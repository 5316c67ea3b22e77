package org.navette.connector.solr.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.jspecify.annotations.Nullable;
import org.navette.catalogue.MemberSummary;
import org.navette.catalogue.StoredMember;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.IdentifierScheme;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;

/**
 * Turns stored members, merged clusters and state entries into Solr documents with VuFind's field
 * names (and RecordManager's deduplication fields), and member documents back into
 * {@link StoredMember}s.
 *
 * <p>Documents: a member is {@code id} = its member id; a cluster of two or more also gets a merged
 * document {@code cluster!<cluster id>} (RecordManager's {@code merged_boolean}) and its members are
 * marked {@code merged_child_boolean}, so VuFind's stock filter {@code -merged_child_boolean:true}
 * shows every work once. A singleton is its own visible record. State entries are
 * {@code state!<key>} documents that carry no VuFind field and are hidden by the same stock filter.
 */
public final class VufindDocuments {
    public static final String MERGED_PREFIX = "cluster!";
    public static final String STATE_PREFIX = "state!";

    public static final String DOC_TYPE = "navette_doc_type";
    public static final String TYPE_MEMBER = "member";
    public static final String TYPE_CLUSTER = "cluster";
    public static final String TYPE_STATE = "state";
    public static final String LIBRARY = "navette_library";
    public static final String LOCAL_ID = "navette_local_id";
    public static final String FINGERPRINT = "navette_fingerprint";
    public static final String CLUSTER_ID = "navette_cluster_id";
    public static final String CLUSTER_ORDER = "navette_cluster_order";
    public static final String POSITION = "navette_position";
    public static final String MATCH_KEYS = "navette_match_keys";
    public static final String KEY_BYTES = "navette_key_bytes";
    /** Where catalogues written before {@link #KEY_BYTES} keep the key code: read, never written. */
    public static final String KEY_CODE = "navette_key_code";
    public static final String HOLDINGS = "navette_holdings";
    public static final String STATE_KEY = "navette_state_key";
    public static final String STATE_VALUE = "navette_state_value";

    /** Fields read back into a {@link StoredMember}. */
    public static final String MEMBER_FIELDS = String.join(",", "id", LIBRARY, LOCAL_ID, FINGERPRINT, CLUSTER_ID,
            CLUSTER_ORDER, POSITION, MATCH_KEYS, KEY_BYTES, KEY_CODE, "fullrecord", "record_format", "first_indexed");

    /**
     * Fields read back into a {@link MemberSummary}: all docValues, so reading them decompresses no
     * stored field (the original record above all).
     */
    public static final String SUMMARY_FIELDS = String.join(",", "id", CLUSTER_ID, CLUSTER_ORDER, POSITION,
            "first_indexed", MATCH_KEYS, KEY_BYTES, KEY_CODE);
    /** {@link #SUMMARY_FIELDS} but the blocking keys: a multi-valued field costs a docValues lookup per value. */
    public static final String SUMMARY_FIELDS_WITHOUT_KEYS = String.join(",", "id", CLUSTER_ID, CLUSTER_ORDER, POSITION,
            "first_indexed", KEY_BYTES, KEY_CODE);

    private VufindDocuments() {
    }

    public static String mergedId(String clusterId) {
        return MERGED_PREFIX + clusterId;
    }

    /** The document of member {@code order} of a cluster of {@code clusterSize}. */
    public static SolrInputDocument member(StoredMember m, BibRecord record, int order, int clusterSize, Instant now) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", m.id());
        d.setField(DOC_TYPE, TYPE_MEMBER);
        d.setField(LIBRARY, m.library());
        d.setField(LOCAL_ID, m.localId());
        d.setField(FINGERPRINT, m.fingerprint());
        d.setField(CLUSTER_ID, m.clusterId());
        d.setField(CLUSTER_ORDER, order);
        d.setField(POSITION, m.position());
        d.setField(MATCH_KEYS, m.matchKeys());
        if (!m.keyCode().isEmpty()) {
            d.setField(KEY_BYTES, m.keyCode().getBytes(StandardCharsets.UTF_8));
        }
        d.setField("record_format", recordFormat(m.format()));
        d.setField("fullrecord", m.fullRecord());
        d.setField("first_indexed", Date.from(m.firstIndexed()));
        d.setField("last_indexed", Date.from(now));
        describe(d, List.of(record));
        d.setField("building", List.of(m.library()));
        d.setField("institution", List.of(m.library()));
        d.setField("local_ids_str_mv", List.of(m.id()));
        boolean merged = clusterSize > 1;
        d.setField("merged_child_boolean", merged);
        if (merged) {
            d.setField("dedup_id_str_mv", List.of(mergedId(m.clusterId())));
        }
        return d;
    }

    /**
     * The merged document of a cluster of two or more: the representative's description, the union
     * of identifiers, libraries and holdings, and the representative's original record.
     */
    public static SolrInputDocument merged(String clusterId, BibRecord representative, List<BibRecord> members,
            List<StoredMember> stored, StoredMember representativeStored, Instant now) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", mergedId(clusterId));
        d.setField(DOC_TYPE, TYPE_CLUSTER);
        d.setField(CLUSTER_ID, clusterId);
        d.setField("record_format", recordFormat(representativeStored.format()));
        d.setField("fullrecord", representativeStored.fullRecord());
        Instant first = stored.stream().map(StoredMember::firstIndexed).min(Instant::compareTo).orElse(now);
        d.setField("first_indexed", Date.from(first));
        d.setField("last_indexed", Date.from(now));
        List<BibRecord> ordered = new ArrayList<>();
        ordered.add(representative);
        for (BibRecord r : members) {
            if (r != representative) {
                ordered.add(r);
            }
        }
        describe(d, ordered);
        Set<String> libraries = new LinkedHashSet<>();
        stored.forEach(s -> libraries.add(s.library()));
        d.setField("building", new ArrayList<>(libraries));
        d.setField("institution", new ArrayList<>(libraries));
        d.setField("local_ids_str_mv", stored.stream().map(StoredMember::id).toList());
        d.setField("dedup_id_str_mv", List.of(mergedId(clusterId)));
        d.setField("merged_boolean", true);
        d.setField("merged_child_boolean", false);
        return d;
    }

    /** A state entry: hidden from VuFind's view by the stock merged-child filter. */
    public static SolrInputDocument state(String key, String value) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", STATE_PREFIX + key);
        d.setField(DOC_TYPE, TYPE_STATE);
        d.setField(STATE_KEY, key);
        d.setField(STATE_VALUE, value);
        d.setField("merged_child_boolean", true);
        return d;
    }

    /** A member document read back. */
    public static StoredMember toMember(SolrDocument d) {
        Date first = (Date) d.getFirstValue("first_indexed");
        return new StoredMember(str(d, "id"), str(d, LIBRARY), str(d, LOCAL_ID), str(d, FINGERPRINT), str(d, CLUSTER_ID),
                str(d, "fullrecord"), RecordFormat.fromCode(str(d, "record_format")), matchKeys(d), keyCode(d),
                ((Number) d.getFirstValue(POSITION)).longValue(), first.toInstant());
    }

    /** A member document's summary (read with {@link #SUMMARY_FIELDS}); its key code only when {@code withCode}. */
    public static MemberSummary toSummary(SolrDocument d, boolean withCode) {
        Date first = (Date) d.getFirstValue("first_indexed");
        return new MemberSummary(str(d, "id"), str(d, CLUSTER_ID), first.toInstant(), matchKeys(d),
                withCode ? keyCode(d) : "");
    }

    private static List<String> matchKeys(SolrDocument d) {
        Collection<Object> keys = d.getFieldValues(MATCH_KEYS);
        List<String> out = new ArrayList<>();
        if (keys != null) {
            keys.forEach(k -> out.add(k.toString()));
        }
        return out;
    }

    private static String keyCode(SolrDocument d) {
        Object bytes = d.getFirstValue(KEY_BYTES);
        if (bytes instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (bytes instanceof ByteBuffer b) {
            return StandardCharsets.UTF_8.decode(b.duplicate()).toString();
        }
        Object v = d.getFirstValue(KEY_CODE);
        return v == null ? "" : v.toString();
    }

    private static String str(SolrDocument d, String field) {
        Object v = d.getFirstValue(field);
        if (v == null) {
            throw new IllegalStateException("document " + d.getFirstValue("id") + " has no " + field);
        }
        return v.toString();
    }

    /** VuFind's {@code record_format}: its MARC driver's "marc" for MARC21. */
    static String recordFormat(RecordFormat f) {
        return f == RecordFormat.MARC21 ? "marc" : f.code();
    }

    /** VuFind's format facet values, as its MARC driver spells them ("Book", "Sound Recording"). */
    public static String formatLabel(MaterialType type) {
        StringBuilder out = new StringBuilder();
        for (String word : type.name().split("_")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /**
     * The descriptive VuFind fields: single-valued ones from the first record, multi-valued ones
     * the union over all (a merged record finds everything any member finds).
     */
    private static void describe(SolrInputDocument d, List<BibRecord> records) {
        BibRecord main = records.get(0);
        setText(d, "title", main.title());
        setText(d, "title_short", main.titleProper());
        setText(d, "title_sub", main.titleRemainder());
        setText(d, "title_full", main.responsibility() == null ? main.title() : main.title() + " / " + main.responsibility());
        setText(d, "title_sort", main.titleProper());
        setText(d, "edition", main.edition());
        Set<String> authors = new LinkedHashSet<>();
        Set<String> authors2 = new LinkedHashSet<>();
        Set<String> isbns = new LinkedHashSet<>();
        Set<String> issns = new LinkedHashSet<>();
        Set<String> oclc = new LinkedHashSet<>();
        Set<String> lccn = new LinkedHashSet<>();
        Set<String> ctrl = new LinkedHashSet<>();
        Set<String> formats = new LinkedHashSet<>();
        Set<String> languages = new LinkedHashSet<>();
        Set<String> dates = new LinkedHashSet<>();
        Set<String> publishers = new LinkedHashSet<>();
        Set<String> physical = new LinkedHashSet<>();
        Set<String> series = new LinkedHashSet<>();
        Set<String> topics = new LinkedHashSet<>();
        Set<String> callNumbers = new LinkedHashSet<>();
        Set<String> holdings = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>();
        for (BibRecord r : records) {
            for (Author a : r.authors()) {
                (a.primary() ? authors : authors2).add(a.name());
            }
            for (Isbn i : r.isbns()) {
                isbns.add(i.isbn13());
                if (i.isbn10() != null) {
                    isbns.add(i.isbn10());
                }
            }
            issns.addAll(r.issns());
            oclc.addAll(r.identifiers(IdentifierScheme.OCLC));
            lccn.addAll(r.identifiers(IdentifierScheme.LCCN));
            ctrl.addAll(r.identifiers(IdentifierScheme.CONTROL_NUMBER));
            ctrl.addAll(r.identifiers(IdentifierScheme.SYSTEM_NUMBER));
            if (r.materialType() != null) {
                formats.add(formatLabel(r.materialType()));
            }
            languages.addAll(r.languages());
            if (r.year() != null) {
                dates.add(Integer.toString(r.year()));
            }
            addIf(publishers, r.publisher());
            addIf(physical, r.extent());
            series.addAll(r.series());
            topics.addAll(r.subjects());
            for (Holding h : r.holdings()) {
                addIf(callNumbers, h.callNumber());
                holdings.add(holdingLine(h));
            }
            addIf(all, r.title());
            addIf(all, r.responsibility());
            r.authors().forEach(a -> all.add(a.name()));
            addIf(all, r.publisher());
            addIf(all, r.place());
            addIf(all, r.edition());
            all.addAll(r.series());
            all.addAll(r.subjects());
        }
        all.addAll(isbns);
        all.addAll(issns);
        setList(d, "author", authors);
        setList(d, "author2", authors2);
        if (!authors.isEmpty() || !authors2.isEmpty()) {
            d.setField("author_sort", (authors.isEmpty() ? authors2 : authors).iterator().next());
        }
        setList(d, "isbn", isbns);
        setList(d, "issn", issns);
        setList(d, "oclc_num", oclc);
        setList(d, "lccn", lccn);
        setList(d, "ctrlnum", ctrl);
        setList(d, "format", formats);
        setList(d, "language", languages);
        setList(d, "publishDate", dates);
        if (!dates.isEmpty()) {
            d.setField("publishDateSort", dates.iterator().next());
        }
        setList(d, "publisher", publishers);
        setList(d, "physical", physical);
        setList(d, "series", series);
        setList(d, "topic", topics);
        setList(d, "topic_facet", topics);
        setList(d, "callnumber-raw", callNumbers);
        setList(d, HOLDINGS, holdings);
        setList(d, "allfields", all);
    }

    /** One holding as a tab-separated line (library, branch, location, call number, barcode, status, availability). */
    static String holdingLine(Holding h) {
        return String.join("\t", nz(h.library()), nz(h.branch()), nz(h.location()), nz(h.callNumber()), nz(h.barcode()),
                nz(h.status()), h.availability().name());
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s.replace('\t', ' ');
    }

    private static void addIf(Set<String> set, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            set.add(value);
        }
    }

    private static void setText(SolrInputDocument d, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            d.setField(field, value);
        }
    }

    private static void setList(SolrInputDocument d, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            d.setField(field, new ArrayList<>(values));
        }
    }
}
