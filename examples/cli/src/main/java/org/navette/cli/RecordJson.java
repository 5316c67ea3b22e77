package org.navette.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.navette.model.Holding;

/**
 * The JSON shape of a record's parts, written in one place for every command ({@code inspect}'s
 * lines and {@code search --json}'s clusters): a holding is
 * {@code {"library", "branch", "location", "callNumber", "barcode", "status", "availability"}} with
 * the availability as a label ({@code on-loan}).
 */
final class RecordJson {
    private RecordJson() {
    }

    /** Appends one holding to {@code holdings}; {@code library} as the caller knows it (a cluster groups by it). */
    static void addHolding(ArrayNode holdings, String library, Holding h) {
        ObjectNode n = holdings.addObject();
        n.put("library", library);
        n.put("branch", h.branch());
        n.put("location", h.location());
        n.put("callNumber", h.callNumber());
        n.put("barcode", h.barcode());
        n.put("status", h.status());
        n.put("availability", label(h.availability().name()));
    }

    /** An enum constant as a JSON label: {@code ON_LOAN} is {@code on-loan}. */
    static String label(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
