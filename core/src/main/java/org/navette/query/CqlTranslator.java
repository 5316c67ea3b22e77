package org.navette.query;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.navette.query.internal.CqlWriter;
import org.navette.query.internal.FieldMap;
import org.navette.query.internal.TargetQuery;
import org.navette.target.TargetConfig;
import org.navette.target.TargetDiagnostic;

/**
 * Translates a {@link Query} into the CQL an SRU target understands: its own index names, every
 * term quoted and escaped so that no user text becomes CQL syntax, ranges written as {@code >=}
 * and {@code <=}, an ISBN searched in both its ISBN-13 and ISBN-10 forms without hyphens, and
 * the relation names the target knows.
 *
 * <pre>{@code
 * Query q = CqlParser.parse("title=\"the computer bible\" and isbn=0836968433");
 * CqlTranslator.ofDefaults().translate(q).text();
 *     // dc.title="the computer bible" and bath.isbn="0836968433"
 * CqlTranslator.bnf().translate(q).text();
 *     // bib.title adj "the computer bible" and bib.isbn all "0836968433"
 * CqlTranslator sru = CqlTranslator.fromTarget(target);   // "indexPreset", "indexes", "unsupportedFields"
 * }</pre>
 *
 * <p>Presets ({@code "indexPreset"} in a target file):
 * <ul>
 *   <li>{@code dc} ({@link #ofDefaults()}): {@code cql.serverChoice dc.title dc.creator dc.subject
 *       bath.isbn bath.issn dc.date dc.publisher dc.language rec.id}; a phrase is a quoted term with
 *       {@code =} (as CQL 1.1 and YAZ/Zebra read it), exact is {@code ==}.</li>
 *   <li>{@code bnf} ({@link #bnf()}, catalogue.bnf.fr): {@code bib.anywhere bib.title bib.author
 *       bib.subject bib.isbn bib.issn bib.date bib.publisher bib.language bib.recordid}; words with
 *       {@code all}, phrases with {@code adj}.</li>
 *   <li>{@code k10plus} ({@link #k10plus()}, GBV/K10plus PICA servers): {@code pica.all pica.tit
 *       pica.per pica.slw pica.isb pica.iss pica.jhr pica.vlg pica.spr pica.ppn}.</li>
 * </ul>
 * {@code "indexes"} maps field names to the target's index names over the preset; a field mapped
 * to null or {@code ""} is one the target cannot search, handled by {@link UnsupportedFieldPolicy}.
 *
 * <p>Thread-safety: immutable; one instance may translate from many threads.
 */
public final class CqlTranslator implements Translator<Translation> {
    /** The target-file keys this translator reads, besides the common {@code unsupportedFields}. */
    public static final Set<String> TARGET_KEYS = Set.of("indexes", "indexPreset");

    private static final Pattern INDEX_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]*");

    private final String preset;
    private final FieldMap<String> indexes;
    private final boolean allForOneWord;
    private final String phraseRelation;

    private CqlTranslator(String preset, FieldMap<String> indexes, boolean allForOneWord, String phraseRelation) {
        this.preset = preset;
        this.indexes = indexes;
        this.allForOneWord = allForOneWord;
        this.phraseRelation = phraseRelation;
    }

    /** Dublin Core and Bath index names ({@code dc} preset), unsupported fields reported. */
    public static CqlTranslator ofDefaults() {
        return dcPreset(UnsupportedFieldPolicy.REPORT);
    }

    /** The BnF catalogue's {@code bib.*} indexes ({@code bnf} preset), unsupported fields reported. */
    public static CqlTranslator bnf() {
        Map<Field, String> m = FieldMap.inFieldOrder("bib.anywhere", "bib.title", "bib.author", "bib.subject",
                "bib.isbn", "bib.issn", "bib.date", "bib.publisher", "bib.language", "bib.recordid");
        return new CqlTranslator("bnf", FieldMap.of(m, CqlTranslator::indexName, UnsupportedFieldPolicy.REPORT),
                true, "adj");
    }

    /** The PICA indexes of GBV / K10plus SRU servers ({@code k10plus} preset), unsupported fields reported. */
    public static CqlTranslator k10plus() {
        Map<Field, String> m = FieldMap.inFieldOrder("pica.all", "pica.tit", "pica.per", "pica.slw",
                "pica.isb", "pica.iss", "pica.jhr", "pica.vlg", "pica.spr", "pica.ppn");
        return new CqlTranslator("k10plus", FieldMap.of(m, CqlTranslator::indexName, UnsupportedFieldPolicy.REPORT),
                true, "adj");
    }

    /** A preset by name: {@code dc}, {@code bnf} or {@code k10plus}. */
    public static CqlTranslator preset(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "dc" -> ofDefaults();
            case "bnf" -> bnf();
            case "k10plus" -> k10plus();
            default -> throw new IllegalArgumentException(
                    "indexPreset must be \"dc\", \"bnf\" or \"k10plus\" for CQL, was " + name);
        };
    }

    /**
     * The {@link #ofDefaults() default} index names with {@code indexes} merged over them.
     *
     * @param indexes field to CQL index name; null or {@code ""} means the target cannot search the field
     * @throws IllegalArgumentException for a malformed index name, naming the field and the value
     */
    public static CqlTranslator of(Map<Field, String> indexes, UnsupportedFieldPolicy policy) {
        return dcPreset(policy).withIndexes(indexes);
    }

    /**
     * The translator a target file asks for: {@code "indexPreset"} (default {@code dc}), its
     * {@code "indexes"} merged over the preset, and {@code "unsupportedFields"}.
     *
     * @throws IllegalArgumentException naming the target and the bad setting
     */
    public static CqlTranslator fromTarget(TargetConfig target) {
        return FieldMap.configure(target, () -> preset(target.string("indexPreset", "dc"))
                .withIndexes(FieldMap.indexesOf(target))
                .withUnsupportedFields(FieldMap.policyOf(target)));
    }

    /** This translator with {@code overrides} merged over its index names. */
    public CqlTranslator withIndexes(Map<Field, String> overrides) {
        return new CqlTranslator(preset, indexes.with(overrides, CqlTranslator::indexName), allForOneWord, phraseRelation);
    }

    public CqlTranslator withUnsupportedFields(UnsupportedFieldPolicy policy) {
        return new CqlTranslator(preset, indexes.with(policy), allForOneWord, phraseRelation);
    }

    /** The CQL index this translator writes for {@code field}, or empty when the target cannot search it. */
    public Optional<String> indexFor(Field field) {
        return indexes.get(field);
    }

    public UnsupportedFieldPolicy unsupportedFields() {
        return indexes.policy();
    }

    /**
     * Translates a query for this target.
     *
     * @throws org.navette.target.TargetException with {@link org.navette.target.DiagnosticKind#UNSUPPORTED_SEARCH}
     *         and the field name as additional information, when a field cannot be searched under
     *         {@link UnsupportedFieldPolicy#REPORT}
     */
    @Override
    public Translation translate(Query q) {
        List<TargetDiagnostic> warnings = indexes.check(q);
        CqlWriter writer = new CqlWriter(f -> indexes.resolve(f, warnings), false, allForOneWord, phraseRelation, "==");
        return new Translation(writer.write(TargetQuery.of(q)), warnings);
    }

    private static CqlTranslator dcPreset(UnsupportedFieldPolicy policy) {
        Map<Field, String> m = FieldMap.inFieldOrder("cql.serverChoice", "dc.title", "dc.creator", "dc.subject",
                "bath.isbn", "bath.issn", "dc.date", "dc.publisher", "dc.language", "rec.id");
        return new CqlTranslator("dc", FieldMap.of(m, CqlTranslator::indexName, policy), false, "=");
    }

    private static String indexName(String text) {
        if (!INDEX_NAME.matcher(text).matches()) {
            throw new IllegalArgumentException("not a CQL index name: \"" + text
                    + "\" (letters, digits and _ . : - only, starting with a letter)");
        }
        return text;
    }

    @Override
    public String toString() {
        return "CqlTranslator[" + preset + " " + indexes + "]";
    }
}
