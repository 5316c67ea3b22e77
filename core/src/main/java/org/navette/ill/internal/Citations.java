package org.navette.ill.internal;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.navette.ill.IllRequest;
import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

/**
 * A request as a bibliographic record, so that the one matcher compares it with catalogue records:
 * what the requester knows of the item, nothing invented. A title is split at its first
 * {@code " : "} (title proper and subtitle, as a catalogue records them); a copy request describes
 * its host (the journal or book the article is in), which is what libraries hold.
 */
public final class Citations {
    /** The origin of citation records, never a library id (library ids hold no space). */
    public static final String ORIGIN = "ill request";

    private Citations() {
    }

    public static BibRecord toRecord(IllRequest r) {
        BibRecord.Builder b = BibRecord.builder(new RecordSource(ORIGIN, r.id()), RecordFormat.MARC21);
        r.title().ifPresent(t -> {
            int colon = t.indexOf(" : ");
            if (colon < 0) {
                colon = t.indexOf(": ");
            }
            if (colon > 0) {
                b.titleProper(t.substring(0, colon).strip()).titleRemainder(t.substring(colon + 2).replaceFirst("^[: ]+", ""));
            } else {
                b.titleProper(t);
            }
        });
        r.author().ifPresent(a -> {
            for (String name : a.split("\\s*;\\s*")) {
                if (!name.isBlank()) {
                    String n = name.strip();
                    b.addAuthor(looksCorporate(n) ? Author.corporate(n) : Author.personal(invertedName(n)));
                }
            }
        });
        r.year().ifPresent(b::year);
        for (String i : r.isbns()) {
            Isbn.parse(i).ifPresent(b::addIsbn);
        }
        for (String s : r.issns()) {
            b.addIssn(s);
        }
        for (IllRequest.Identifier id : r.otherIdentifiers()) {
            identifier(id).ifPresent(b::addIdentifier);
        }
        r.publisher().ifPresent(b::publisher);
        r.placeOfPublication().ifPresent(b::place);
        r.edition().ifPresent(b::edition);
        MaterialType type = materialType(r.materialType().orElse(null));
        if (type != null) {
            b.materialType(type == MaterialType.ARTICLE ? MaterialType.SERIAL : type);
        }
        return b.build();
    }

    /**
     * A personal name as catalogues head it: "Victor Hugo" becomes "Hugo, Victor" (the way requests
     * are typed is forename first); a name with a comma is already inverted, and one with a period
     * or a digit ("France. Laws", "Louis XIV", "Pius 1909-") or over four words is left as sent.
     */
    /**
     * Whether a name a request gives is a body's rather than a person's: uninverted (no comma) and
     * either long ("Workshop on Standards for Image Pattern Recognition"), qualified
     * ("FEDLINK (Network)") or in parts ("United States. Office of Education"; an initial's period,
     * "W. Chapman", does not count). Catalogues head those as corporate names (110/710, 710/711),
     * whole; read as a person's, their last word would pass for a surname and never match.
     */
    public static boolean looksCorporate(String name) {
        if (name.indexOf(',') >= 0) {
            return false;
        }
        return name.split("\\s+").length > 4 || name.indexOf('(') >= 0 || PARTS.matcher(name).find();
    }

    private static final java.util.regex.Pattern PARTS = java.util.regex.Pattern.compile("\\p{L}{3,}\\. \\p{Lu}");

    static String invertedName(String name) {
        if (name.indexOf(',') >= 0 || name.indexOf('.') >= 0 || name.matches(".*\\d.*")) {
            return name;
        }
        String[] words = name.split("\\s+");
        if (words.length < 2 || words.length > 4) {
            return name;
        }
        return words[words.length - 1] + ", " + String.join(" ", java.util.Arrays.copyOf(words, words.length - 1));
    }

    /** The material type free text names ({@code book}, {@code Livre}, {@code journal}...), or null. */
    public static @Nullable MaterialType materialType(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "book", "books", "livre", "monograph", "monographie", "text" -> MaterialType.BOOK;
            case "article", "chapter", "chapitre" -> MaterialType.ARTICLE;
            case "journal", "serial", "periodical", "périodique", "periodique", "revue", "magazine", "newspaper" -> MaterialType.SERIAL;
            case "score", "partition", "music score" -> MaterialType.SCORE;
            case "map", "carte" -> MaterialType.MAP;
            case "dvd", "video", "vidéo", "film" -> MaterialType.VIDEO;
            case "cd", "audio", "sound recording", "music recording" -> MaterialType.MUSIC_RECORDING;
            default -> {
                try {
                    yield MaterialType.valueOf(t.toUpperCase(Locale.ROOT).replace(' ', '_'));
                } catch (IllegalArgumentException e) {
                    yield null;
                }
            }
        };
    }

    /** ISO 18626 and CSV identifier codes onto the schemes the matcher knows; others are not evidence. */
    private static Optional<Identifier> identifier(IllRequest.Identifier id) {
        String scheme = id.scheme().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        IdentifierScheme s = switch (scheme) {
            case "OCLC", "OCOLC" -> IdentifierScheme.OCLC;
            case "LCCN" -> IdentifierScheme.LCCN;
            case "BNF" -> IdentifierScheme.BNF;
            case "SUDOC", "PPN" -> IdentifierScheme.SUDOC;
            case "DNB" -> IdentifierScheme.DNB;
            case "ZDB" -> IdentifierScheme.ZDB;
            case "DOI" -> IdentifierScheme.DOI;
            case "ISMN" -> IdentifierScheme.ISMN;
            default -> null;
        };
        if (s == null) {
            return Optional.empty();
        }
        String value = s == IdentifierScheme.OCLC ? id.value().replaceAll("\\D", "") : id.value().strip();
        if (s == IdentifierScheme.DOI) {
            value = value.toLowerCase(Locale.ROOT).replaceFirst("^https?://(dx\\.)?doi\\.org/", "");
        }
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(new Identifier(s, value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
