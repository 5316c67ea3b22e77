package org.navette.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetConfig;
import org.navette.target.TargetException;

class CqlTranslatorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            computer                          | cql.serverChoice="computer"
            title=computer                    | dc.title="computer"
            author=collins                    | dc.creator="collins"
            subject=opera                     | dc.subject="opera"
            isbn=0836968433                   | bath.isbn="9780836968439" or bath.isbn="0836968433"
            isbn=0-8369-6843-3 and a          | (bath.isbn="9780836968439" or bath.isbn="0836968433") and cql.serverChoice="a"
            a and isbn=0-8369-6843-3          | cql.serverChoice="a" and (bath.isbn="9780836968439" or bath.isbn="0836968433")
            isbn=0836968434                   | bath.isbn="0836968434"
            issn=0028-0836                    | bath.issn="0028-0836"
            year=1990                         | dc.date="1990"
            publisher=prentice                | dc.publisher="prentice"
            language=eng                      | dc.language="eng"
            id=11111                          | rec.id="11111"
            title all "computer bible"        | dc.title all "computer bible"
            title any "computer bible"        | dc.title any "computer bible"
            title="the computer bible"        | dc.title="the computer bible"
            title adj computer                | dc.title="computer"
            title=="the computer bible"       | dc.title=="the computer bible"
            title=comput*                     | dc.title="comput*"
            title="computer bib*"             | dc.title="computer bib*"
            year<1990                         | dc.date<"1990"
            year<=1990                        | dc.date<="1990"
            year>1990                         | dc.date>"1990"
            year>=1990                        | dc.date>="1990"
            year within "1990 2000"           | dc.date>="1990" and dc.date<="2000"
            a or year within "1990 2000"      | cql.serverChoice="a" or (dc.date>="1990" and dc.date<="2000")
            year within "1990 2000" or a      | (dc.date>="1990" and dc.date<="2000") or cql.serverChoice="a"
            a or b and c                      | (cql.serverChoice="a" or cql.serverChoice="b") and cql.serverChoice="c"
            a and b and c                     | cql.serverChoice="a" and cql.serverChoice="b" and cql.serverChoice="c"
            a not b not c                     | (cql.serverChoice="a" not cql.serverChoice="b") not cql.serverChoice="c"
            a and (b or c)                    | cql.serverChoice="a" and (cql.serverChoice="b" or cql.serverChoice="c")
            a not b                           | cql.serverChoice="a" not cql.serverChoice="b"
            """)
    void writesDublinCoreAndBathIndexesByDefault(String cql, String expected) {
        assertThat(CqlTranslator.ofDefaults().translate(CqlParser.parse(cql)).text()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            computer                          | bib.anywhere all "computer"
            title=computer                    | bib.title all "computer"
            author=collins                    | bib.author all "collins"
            title="the computer bible"        | bib.title adj "the computer bible"
            title any "computer bible"        | bib.title any "computer bible"
            isbn=2070409228 and year>=1990    | (bib.isbn all "9782070409228" or bib.isbn all "2070409228") and bib.date>="1990"
            subject=opera or publisher=x      | bib.subject all "opera" or bib.publisher all "x"
            issn=1 not language=fre           | bib.issn all "1" not bib.language all "fre"
            id=cb35746098                     | bib.recordid all "cb35746098"
            """)
    void writesBibIndexesForTheBnf(String cql, String expected) {
        assertThat(CqlTranslator.bnf().translate(CqlParser.parse(cql)).text()).isEqualTo(expected);
    }

    @Test
    void writesPicaIndexesForK10plus() {
        Query q = CqlParser.parse("title=\"the computer bible\" and author=collins and year>=1990");

        assertThat(CqlTranslator.k10plus().translate(q).text())
                .isEqualTo("pica.tit adj \"the computer bible\" and pica.per all \"collins\" and pica.jhr>=\"1990\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `title="x\\" or dc.title=\\"y"`    | `dc.title="x\\" or dc.title=\\"y"`
            `title=/unmasked "a*b?c^"`         | `dc.title="a\\*b\\?c\\^"`
            `title="a\\\\"`                    | `dc.title="a\\\\"`
            `title="a\\\\" or x`               | `dc.title="a\\\\" or cql.serverChoice="x"`
            `title=") or (x"`                  | `dc.title=") or (x"`
            `title="sortby dc.date"`           | `dc.title="sortby dc.date"`
            `title="/ignoreCase"`              | `dc.title="/ignoreCase"`
            """)
    void escapesEveryTermSoNoUserTextBecomesSyntax(String cql, String expected) {
        Query q = CqlParser.parse(cql);

        String translated = CqlTranslator.ofDefaults().translate(q).text();

        assertThat(translated).isEqualTo(expected);
        // reading our own output back must give the same query: nothing leaked into syntax
        assertThat(CqlParser.parse(translated)).isEqualTo(q);
    }

    @Test
    void mergesTargetIndexesOverThePreset() {
        Map<String, Object> indexes = new LinkedHashMap<>();
        indexes.put("title", "bib.title");
        indexes.put("isbn", "");
        TargetConfig target = TargetConfig.builder("sru", "sru")
                .set("indexPreset", "bnf").set("indexes", indexes).set("unsupportedFields", "any").build();

        CqlTranslator t = CqlTranslator.fromTarget(target);
        Translation tr = t.translate(CqlParser.parse("title=x and isbn=0836968434"));

        assertThat(tr.text()).isEqualTo("bib.title all \"x\" and bib.anywhere all \"0836968434\"");
        assertThat(tr.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(DiagnosticKind.UNSUPPORTED_SEARCH);
            assertThat(w.addInfo()).isEqualTo("isbn");
        });
    }

    @Test
    void usesTheDefaultPresetWhenTheTargetNamesNone() {
        TargetConfig target = TargetConfig.builder("zebra-sru", "sru").set("indexes", Map.of("title", "dc.title")).build();

        CqlTranslator t = CqlTranslator.fromTarget(target);

        assertThat(t.indexFor(Field.AUTHOR)).contains("dc.creator");
        assertThat(t.unsupportedFields()).isEqualTo(UnsupportedFieldPolicy.REPORT);
    }

    @Test
    void reportsAFieldTheTargetCannotSearch() {
        CqlTranslator t = CqlTranslator.of(Map.of(Field.LANGUAGE, ""), UnsupportedFieldPolicy.REPORT);

        TargetException e = catchThrowableOfType(TargetException.class,
                () -> t.translate(CqlParser.parse("title=x and language=fre")));

        assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.UNSUPPORTED_SEARCH);
        assertThat(e.diagnostic().addInfo()).isEqualTo("language");
    }

    @Test
    void refusesAnIndexNameThatWouldInjectSyntax() {
        assertThatThrownBy(() -> CqlTranslator.of(Map.of(Field.TITLE, "dc.title=x or dc.title"), UnsupportedFieldPolicy.REPORT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("indexes.title")
                .hasMessageContaining("not a CQL index name");
    }

    @Test
    void refusesAnUnknownPresetNamingTheTarget() {
        TargetConfig target = TargetConfig.builder("sru", "sru").set("indexPreset", "loc").build();

        assertThatThrownBy(() -> CqlTranslator.fromTarget(target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target sru: indexPreset must be \"dc\", \"bnf\" or \"k10plus\" for CQL, was loc");
    }
}
