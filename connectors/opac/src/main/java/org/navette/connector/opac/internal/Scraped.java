package org.navette.connector.opac.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a profile extracted about one record: field values and holding rows, before they become a
 * {@link org.navette.model.BibRecord}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param fields   values per field, in page order; absent fields have no entry
 * @param holdings one map per holdings row
 * @param pageUrl  the page the values were read from
 */
record Scraped(Map<RecordField, List<String>> fields, List<Map<HoldingField, String>> holdings, String pageUrl) {
    Scraped {
        EnumMap<RecordField, List<String>> copy = new EnumMap<>(RecordField.class);
        fields.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, List.copyOf(v));
            }
        });
        fields = Collections.unmodifiableMap(copy);
        holdings = List.copyOf(holdings);
    }

    /** The first value of a field, or null. */
    String first(RecordField field) {
        List<String> v = fields.get(field);
        return v == null ? null : v.get(0);
    }

    List<String> all(RecordField field) {
        return fields.getOrDefault(field, List.of());
    }

    /** The record's detail page: the extracted link, else null. */
    String detailUrl() {
        return first(RecordField.DETAIL_URL);
    }

    /**
     * This record completed by what its own page says: the page's values win field by field, its
     * holdings replace the list's when it has any, and the list's detail link is kept.
     */
    Scraped completedBy(Scraped detail) {
        Map<RecordField, List<String>> merged = new EnumMap<>(RecordField.class);
        merged.putAll(fields);
        merged.putAll(detail.fields);
        if (!fields.containsKey(RecordField.DETAIL_URL)) {
            merged.put(RecordField.DETAIL_URL, List.of(detail.pageUrl));
        } else {
            merged.put(RecordField.DETAIL_URL, fields.get(RecordField.DETAIL_URL));
        }
        List<Map<HoldingField, String>> rows = detail.holdings.isEmpty() ? holdings : detail.holdings;
        return new Scraped(merged, rows, detail.pageUrl);
    }

    /** The same record with other holdings. */
    Scraped withHoldings(List<Map<HoldingField, String>> rows) {
        return new Scraped(fields, new ArrayList<>(rows), pageUrl);
    }
}
