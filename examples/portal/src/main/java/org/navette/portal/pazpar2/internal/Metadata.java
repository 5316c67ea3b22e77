package org.navette.portal.pazpar2.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.navette.match.Cluster;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;

/**
 * A record's fields under the metadata names of pazpar2's default service ({@code md-title},
 * {@code md-author}, {@code md-date}...), which front ends written for pazpar2 display. The brief
 * set is what {@code show} gives; the full set is what {@code record} gives.
 *
 * <pre>{@code
 * for (Metadata.Field f : Metadata.of(record, false)) {
 *     xml.element("md-" + f.name(), f.value());
 * }
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Metadata {
    /** One metadata element: its name without the {@code md-} prefix, and its text. */
    public record Field(String name, String value) {
    }

    private Metadata() {
    }

    /** The record's fields, in the default service's order; {@code full} adds the non-brief ones. */
    public static List<Field> of(BibRecord r, boolean full) {
        return of(r, full, r.year() == null ? null : r.year().toString());
    }

    /** A cluster's merged fields: its representative's, with the members' years as a range. */
    public static List<Field> ofCluster(Cluster c, boolean full) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (BibRecord m : c.members()) {
            if (m.year() != null) {
                min = Math.min(min, m.year());
                max = Math.max(max, m.year());
            }
        }
        String date = min == Integer.MAX_VALUE ? null : min == max ? Integer.toString(min) : min + "-" + max;
        return of(c.representative(), full, date);
    }

    private static List<Field> of(BibRecord r, boolean full, @Nullable String date) {
        List<Field> out = new ArrayList<>();
        add(out, "id", r.source().recordId());
        if (full) {
            r.isbns().stream().map(Isbn::isbn13).forEach(i -> add(out, "isbn", i));
            r.issns().forEach(i -> add(out, "issn", i));
        }
        for (Author a : r.authors()) {
            add(out, "author", a.name());
        }
        add(out, "date", date);
        add(out, "title", r.titleProper() != null ? r.titleProper() : r.title());
        add(out, "title-remainder", r.titleRemainder());
        add(out, "title-responsibility", r.responsibility());
        String section = join(r.partNumber(), r.partName());
        add(out, "title-number-section", section);
        if (r.materialType() != null) {
            add(out, "medium", medium(r.materialType()));
        }
        if (full) {
            add(out, "edition", r.edition());
            add(out, "publication-place", r.place());
            add(out, "publication-name", r.publisher());
            add(out, "publication-date", r.year() == null ? null : r.year().toString());
            add(out, "physical-extent", r.extent());
            r.series().forEach(s -> add(out, "series-title", s));
            r.subjects().forEach(s -> add(out, "subject", s));
            r.languages().forEach(l -> add(out, "language", l));
        }
        return out;
    }

    /**
     * The {@code medium} value for a material type, in the words pazpar2's MARC stylesheet uses
     * where it has one ({@code book}, {@code journal}, {@code electronic}...).
     */
    public static String medium(MaterialType t) {
        return switch (t) {
            case BOOK -> "book";
            case SERIAL -> "journal";
            case ARTICLE -> "article";
            case SCORE -> "music-score";
            case MAP -> "map";
            case SOUND_RECORDING, MUSIC_RECORDING -> "recording";
            case VIDEO -> "video";
            case GRAPHIC -> "image";
            case COMPUTER_FILE -> "electronic";
            case KIT, MIXED_MATERIALS -> "multimedia";
            default -> t.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }

    private static void add(List<Field> out, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            out.add(new Field(name, value));
        }
    }
}
