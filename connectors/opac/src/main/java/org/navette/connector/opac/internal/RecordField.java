package org.navette.connector.opac.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.navette.model.Carrier;
import org.navette.model.MaterialType;

/**
 * The record fields a profile can extract, with their key in profile files. Multi-valued fields
 * keep every value found; the others keep the first.
 *
 * <p>Thread-safety: immutable.
 */
enum RecordField {
    TITLE("title", false, null),
    TITLE_REMAINDER("titleRemainder", false, null),
    PART_NUMBER("partNumber", false, null),
    PART_NAME("partName", false, null),
    RESPONSIBILITY("responsibility", false, null),
    AUTHOR("author", true, null),
    YEAR("year", false, null),
    ISBN("isbn", true, null),
    ISSN("issn", true, null),
    PUBLISHER("publisher", false, null),
    PLACE("place", false, null),
    EDITION("edition", false, null),
    EXTENT("extent", false, null),
    LANGUAGE("language", true, null),
    SERIES("series", true, null),
    SUBJECT("subject", true, null),
    MATERIAL_TYPE("materialType", false, MaterialType.class),
    CARRIER("carrier", false, Carrier.class),
    /** The record's own page; becomes the record id and a URL identifier. */
    DETAIL_URL("detailUrl", false, null),
    /** An explicit record id, used when there is no detail page. */
    RECORD_ID("recordId", false, null),
    CONTROL_NUMBER("controlNumber", true, null),
    URL("url", true, null);

    private final String key;
    private final boolean multiValued;
    private final Class<? extends Enum<?>> values;

    RecordField(String key, boolean multiValued, Class<? extends Enum<?>> values) {
        this.key = key;
        this.multiValued = multiValued;
        this.values = values;
    }

    /** The key used in profile files. */
    public String key() {
        return key;
    }

    public boolean multiValued() {
        return multiValued;
    }

    /** The enum whose constant names are the field's only valid values, or null for free text. */
    Class<? extends Enum<?>> constants() {
        return values;
    }

    static Optional<RecordField> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    static String keys() {
        return Arrays.stream(values()).map(RecordField::key).collect(Collectors.joining(", "));
    }

    /** Names of an enum's constants, for messages. */
    static String constants(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** True when {@code value} names a constant of {@code type} (case-insensitive). */
    static boolean isConstant(Class<? extends Enum<?>> type, String value) {
        String v = value.toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(v));
    }
}
