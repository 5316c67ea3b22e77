package org.navette.connector.opac.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.navette.model.Availability;

/**
 * The parts of a holding (item) row a profile can extract, with their key in profile files.
 *
 * <p>Thread-safety: immutable.
 */
enum HoldingField {
    LIBRARY("library"),
    BRANCH("branch"),
    LOCATION("location"),
    CALL_NUMBER("callNumber"),
    BARCODE("barcode"),
    /** The OPAC's own status wording, kept unchanged. */
    STATUS("status"),
    /** Our reading of the status: one of {@link Availability}'s names (use a {@code map} step). */
    AVAILABILITY("availability"),
    NOTE("note");

    private final String key;

    HoldingField(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    static Optional<HoldingField> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    static String keys() {
        return Arrays.stream(values()).map(HoldingField::key).collect(Collectors.joining(", "));
    }
}
