package org.navette.normalise.internal;

import static org.navette.normalise.internal.MarcFields.data;
import static org.navette.normalise.internal.MarcFields.join;
import static org.navette.normalise.internal.MarcFields.sub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.navette.model.Availability;
import org.navette.model.BibRecord;
import org.navette.model.Holding;

/**
 * Reads holdings (items) embedded in bibliographic records: MARC21 852, Koha's MARC21 952 and
 * UNIMARC 995 in both its Koha meaning and the BnF/BSG-derived usage. The source's own status
 * text is kept; {@link Availability} is our reading of it.
 *
 * <p>Koha 952: $a home library, $b holding library, $c location, $o call number, $p barcode,
 * $7 not for loan, $1 lost, $0 withdrawn, $4 damaged, $5 restricted, $q on loan (due date),
 * $h/$t/$z volume, copy, public note. A 952 with nothing but $a is not Koha's (LC uses 952 for
 * local notes) and is ignored unless the record carries Koha's 942/999.
 *
 * <p>UNIMARC 995: $b owning library (Koha home branch, a BnF RCR code in BSG data), else $a;
 * $c holding library / division; $e location, else $d; $k call number; $f barcode; $o status
 * (Koha notforloan code, or a circulation category such as "L1"); $n due date; $2 lost;
 * $l volume and $u note.
 *
 * <p>Thread-safety: stateless.
 */
public final class HoldingsMapper {
    private HoldingsMapper() {
    }

    public static void marc21(Record r, BibRecord.Builder b) {
        for (DataField f : data(r, "852")) {
            add(b, Holding.builder().library(text(f, 'a')).branch(text(f, 'b')).location(text(f, 'c'))
                    .callNumber(DisplayText.clean(join(f, "khim", " "))).barcode(text(f, 'p'))
                    .note(DisplayText.clean(join(f, "3tz", "; "))));
        }
        boolean koha = MarcFields.first(r, "942") != null || MarcFields.first(r, "999") != null;
        for (DataField f : data(r, "952")) {
            if (!koha && onlyCodes(f, "a")) {
                continue;
            }
            add(b, koha952(f));
        }
    }

    /**
     * One holding from a separate MARC21 holdings record (leader/06 u, v, x or y), as ZDB's
     * MARC21plus collections send next to the bibliographic record. Such records spread one copy
     * over several 852s (one with the ISIL in $a, one with the shelf mark in $c...), so the first
     * value of each subfield across them describes the copy; the 866 summary holdings (which volumes)
     * ($a, with its public note $z) become its note.
     */
    public static void marc21HoldingsRecord(Record r, BibRecord.Builder b) {
        List<DataField> f852 = data(r, "852");
        String callNumber = null;
        for (DataField f : f852) {
            callNumber = callNumber != null ? callNumber : DisplayText.clean(join(f, "khim", " "));
        }
        List<String> notes = new ArrayList<>();
        for (DataField f : data(r, "866")) {
            String summary = DisplayText.clean(join(f, "az", "; "));
            if (summary != null) {
                notes.add(summary);
            }
        }
        for (DataField f : f852) {
            String note = text(f, 'z');
            if (note != null) {
                notes.add(note);
            }
        }
        add(b, Holding.builder().library(firstOf(f852, 'a')).branch(firstOf(f852, 'b')).location(firstOf(f852, 'c'))
                .callNumber(callNumber).barcode(firstOf(f852, 'p'))
                .note(notes.isEmpty() ? null : String.join("; ", notes)));
    }

    private static String firstOf(List<DataField> fields, char code) {
        for (DataField f : fields) {
            String v = text(f, code);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    public static void unimarc(Record r, BibRecord.Builder b) {
        for (DataField f : data(r, "995")) {
            add(b, unimarc995(f));
        }
    }

    static Holding.Builder koha952(DataField f) {
        List<String> status = new ArrayList<>();
        Availability availability = Availability.AVAILABLE;
        String lost = flag(f, '1');
        String withdrawn = flag(f, '0');
        String damaged = flag(f, '4');
        String notForLoan = flag(f, '7');
        String restricted = flag(f, '5');
        String onLoan = text(f, 'q');
        if (notForLoan != null) {
            status.add("notforloan=" + notForLoan);
            availability = Availability.NOT_FOR_LOAN;
        }
        if (restricted != null) {
            status.add("restricted=" + restricted);
            availability = Availability.NOT_FOR_LOAN;
        }
        if (onLoan != null) {
            status.add("onloan=" + onLoan);
            availability = Availability.ON_LOAN;
        }
        if (damaged != null) {
            status.add("damaged=" + damaged);
            availability = Availability.UNAVAILABLE;
        }
        if (withdrawn != null) {
            status.add("withdrawn=" + withdrawn);
            availability = Availability.UNAVAILABLE;
        }
        if (lost != null) {
            status.add("itemlost=" + lost);
            availability = Availability.UNAVAILABLE;
        }
        return Holding.builder().library(text(f, 'a')).branch(text(f, 'b')).location(text(f, 'c'))
                .callNumber(text(f, 'o')).barcode(text(f, 'p'))
                .status(status.isEmpty() ? null : String.join("; ", status)).availability(availability)
                .note(DisplayText.clean(join(f, "htz", "; ")));
    }

    static Holding.Builder unimarc995(DataField f) {
        String library = text(f, 'b');
        if (library == null) {
            library = text(f, 'a');
        }
        String location = text(f, 'e');
        if (location == null) {
            location = text(f, 'd');
        }
        String state = text(f, 'o');
        String due = text(f, 'n');
        String lost = flag(f, '2');
        Availability availability;
        if (lost != null) {
            availability = Availability.UNAVAILABLE;
        } else if (due != null) {
            availability = Availability.ON_LOAN;
        } else if (state == null) {
            availability = Availability.UNKNOWN;
        } else if (state.matches("-?\\d+")) {
            availability = Integer.parseInt(state) == 0 ? Availability.AVAILABLE : Availability.NOT_FOR_LOAN;
        } else {
            availability = readStatus(state);
        }
        String status = DisplayText.join("; ", state, due == null ? null : "due " + due, lost == null ? null : "lost " + lost);
        return Holding.builder().library(library).branch(text(f, 'c')).location(location).callNumber(text(f, 'k'))
                .barcode(text(f, 'f')).status(status).availability(availability)
                .note(DisplayText.clean(join(f, "lu", "; ")));
    }

    /**
     * Our reading of a free-text item status in English or French ("Disponible", "En prêt",
     * "Exclu du prêt", "Missing"...); {@link Availability#UNKNOWN} when the words say nothing we know.
     */
    public static Availability readStatus(String text) {
        if (text == null || text.isBlank()) {
            return Availability.UNKNOWN;
        }
        String s = text.toLowerCase(Locale.ROOT);
        if (containsAny(s, "perdu", "lost", "manquant", "missing", "retiré", "withdrawn", "pilonné", "damaged",
                "endommagé", "en réparation", "at bindery", "reliure", "indisponible", "unavailable", "not available")) {
            return Availability.UNAVAILABLE;
        }
        if (containsAny(s, "exclu du prêt", "consultation sur place", "sur place", "not for loan", "reference",
                "référence", "non empruntable", "library use only", "in library use", "réserve", "restricted")) {
            return Availability.NOT_FOR_LOAN;
        }
        if (containsAny(s, "en prêt", "emprunté", "on loan", "checked out", "due ", "à rendre", "loaned")) {
            return Availability.ON_LOAN;
        }
        if (containsAny(s, "disponible", "available", "en rayon", "on shelf", "in library", "checked in")) {
            return Availability.AVAILABLE;
        }
        return Availability.UNKNOWN;
    }

    private static boolean containsAny(String s, String... words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyCodes(DataField f, String codes) {
        for (Subfield s : f.getSubfields()) {
            if (codes.indexOf(s.getCode()) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(DataField f, char code) {
        return DisplayText.clean(sub(f, code));
    }

    /** A Koha status subfield's value when set (present, not blank, not "0"), else null. */
    private static String flag(DataField f, char code) {
        String v = text(f, code);
        return v == null || v.equals("0") ? null : v;
    }

    private static void add(BibRecord.Builder b, Holding.Builder h) {
        Holding holding;
        try {
            holding = h.build();
        } catch (IllegalArgumentException e) {
            // a field with nothing that identifies a copy (only notes or statuses): not a holding
            return;
        }
        b.addHolding(holding);
    }
}
