package org.navette.connector.opac.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.navette.model.Author;
import org.navette.model.AuthorKind;
import org.navette.model.Availability;
import org.navette.model.BibRecord;
import org.navette.model.Carrier;
import org.navette.model.Holding;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.ProblemKind;
import org.navette.model.RecordFormat;
import org.navette.model.RecordProblem;
import org.navette.model.RecordSource;

/**
 * Turns scraped field values into a {@link BibRecord} of format {@link RecordFormat#HTML}, whose
 * record id is the detail page's URL. Values the model cannot take (a year that is no year, an
 * ISBN with a bad check digit, an unknown language) are kept as identifiers or reported as
 * {@link RecordProblem}s: nothing is silently dropped and nothing throws.
 *
 * <p>Thread-safety: immutable; safe for concurrent use.
 */
final class RecordAssembler {
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
    private final LanguageNames languages = new LanguageNames();

    /**
     * @param targetId the target the record comes from
     * @param position the record's 1-based position in the result, for ids and problem reports
     */
    BibRecord assemble(String targetId, int position, Scraped s) {
        String id = s.detailUrl() != null ? s.detailUrl()
                : s.first(RecordField.RECORD_ID) != null ? s.first(RecordField.RECORD_ID) : "#" + position;
        BibRecord.Builder b = BibRecord.builder(new RecordSource(targetId, id), RecordFormat.HTML);
        b.titleProper(s.first(RecordField.TITLE))
                .titleRemainder(s.first(RecordField.TITLE_REMAINDER))
                .partNumber(s.first(RecordField.PART_NUMBER))
                .partName(s.first(RecordField.PART_NAME))
                .responsibility(s.first(RecordField.RESPONSIBILITY))
                .publisher(s.first(RecordField.PUBLISHER))
                .place(s.first(RecordField.PLACE))
                .edition(s.first(RecordField.EDITION))
                .extent(s.first(RecordField.EXTENT));
        if (s.first(RecordField.TITLE) == null) {
            b.addProblem(problem(targetId, position, ProblemKind.MISSING_TITLE, "no title found on " + s.pageUrl()));
        }
        List<String> authors = s.all(RecordField.AUTHOR);
        for (int i = 0; i < authors.size(); i++) {
            b.addAuthor(new Author(authors.get(i), AuthorKind.PERSONAL, null, null, i == 0));
        }
        year(b, targetId, position, s.first(RecordField.YEAR));
        for (String v : s.all(RecordField.ISBN)) {
            isbn(b, v);
        }
        for (String v : s.all(RecordField.ISSN)) {
            try {
                b.addIssn(v.strip());
            } catch (IllegalArgumentException e) {
                b.addIdentifier(new Identifier(IdentifierScheme.ISSN_INVALID, v.strip()));
            }
        }
        for (String v : s.all(RecordField.LANGUAGE)) {
            languages.code(v).ifPresentOrElse(b::addLanguage, () -> b.addProblem(problem(targetId, position,
                    ProblemKind.BAD_VALUE, "unknown language \"" + v + "\"")));
        }
        s.all(RecordField.SERIES).forEach(b::addSeries);
        s.all(RecordField.SUBJECT).forEach(b::addSubject);
        b.materialType(constant(MaterialType.class, s.first(RecordField.MATERIAL_TYPE)));
        b.carrier(constant(Carrier.class, s.first(RecordField.CARRIER)));
        for (String v : s.all(RecordField.CONTROL_NUMBER)) {
            b.addIdentifier(new Identifier(IdentifierScheme.CONTROL_NUMBER, v));
        }
        if (s.detailUrl() != null) {
            b.addIdentifier(new Identifier(IdentifierScheme.URL, s.detailUrl()));
        }
        for (String v : s.all(RecordField.URL)) {
            b.addIdentifier(new Identifier(IdentifierScheme.URL, v));
        }
        for (Map<HoldingField, String> row : s.holdings()) {
            holding(row).ifPresent(b::addHolding);
        }
        return b.build();
    }

    private static void year(BibRecord.Builder b, String targetId, int position, String text) {
        if (text == null) {
            return;
        }
        Matcher m = YEAR.matcher(text);
        int year = m.find() ? Integer.parseInt(m.group(1)) : 0;
        if (year >= 1 && year <= 2999) {
            b.year(year);
        } else {
            b.addProblem(problem(targetId, position, ProblemKind.BAD_VALUE, "not a year: \"" + text + "\""));
        }
    }

    private static void isbn(BibRecord.Builder b, String text) {
        Isbn.parse(text).ifPresentOrElse(b::addIsbn, () -> {
            String compact = text.replaceAll("[^0-9Xx]", "");
            if (!compact.isEmpty()) {
                b.addIdentifier(new Identifier(IdentifierScheme.ISBN_INVALID, text.strip()));
            }
        });
    }

    private static java.util.Optional<Holding> holding(Map<HoldingField, String> row) {
        Holding.Builder h = Holding.builder()
                .library(row.get(HoldingField.LIBRARY))
                .branch(row.get(HoldingField.BRANCH))
                .location(row.get(HoldingField.LOCATION))
                .callNumber(row.get(HoldingField.CALL_NUMBER))
                .barcode(row.get(HoldingField.BARCODE))
                .status(row.get(HoldingField.STATUS))
                .note(row.get(HoldingField.NOTE))
                .availability(constant(Availability.class, row.get(HoldingField.AVAILABILITY)));
        try {
            return java.util.Optional.of(h.build());
        } catch (IllegalArgumentException e) {
            // a row with only a status says nothing about where the item is: not a holding
            return java.util.Optional.empty();
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RecordProblem problem(String targetId, int position, ProblemKind kind, String message) {
        return new RecordProblem(kind, targetId, position, -1, message);
    }
}
