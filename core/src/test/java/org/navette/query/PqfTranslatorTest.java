package org.navette.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.navette.target.DiagnosticKind;
import org.navette.target.TargetConfig;
import org.navette.target.TargetException;

class PqfTranslatorTest {
    private final PqfTranslator defaults = PqfTranslator.ofDefaults();

    private String pqf(String cql) {
        return defaults.translate(CqlParser.parse(cql)).text();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            computer                           | @attr 1=1016 @attr 4=2 "computer"
            title=computer                     | @attr 1=4 @attr 4=2 "computer"
            author=collins                     | @attr 1=1003 @attr 4=2 "collins"
            subject=opera                      | @attr 1=21 @attr 4=2 "opera"
            isbn=0836968433                    | @or @attr 1=7 @attr 4=2 "9780836968439" @attr 1=7 @attr 4=2 "0836968433"
            isbn=978-0-8369-6843-9             | @or @attr 1=7 @attr 4=2 "9780836968439" @attr 1=7 @attr 4=2 "0836968433"
            isbn=9791032305690                 | @attr 1=7 @attr 4=2 "9791032305690"
            isbn=="0-8369-6843-3"              | @or @attr 1=7 @attr 4=2 "9780836968439" @attr 1=7 @attr 4=2 "0836968433"
            isbn=0836968434                    | @attr 1=7 @attr 4=2 "0836968434"
            isbn=083696843*                    | @attr 1=7 @attr 4=2 @attr 5=1 "083696843"
            isbn any "0836968433 x"            | @or @attr 1=7 @attr 4=2 "0836968433" @attr 1=7 @attr 4=2 "x"
            issn=0028-0836                     | @attr 1=8 @attr 4=2 "0028-0836"
            year=1990                          | @attr 1=31 @attr 4=2 "1990"
            publisher=prentice                 | @attr 1=1018 @attr 4=2 "prentice"
            language=eng                       | @attr 1=54 @attr 4=2 "eng"
            id=11111                           | @attr 1=12 @attr 4=2 "11111"
            title all "computer bible"         | @and @attr 1=4 @attr 4=2 "computer" @attr 1=4 @attr 4=2 "bible"
            title all "a b c"                  | @and @and @attr 1=4 @attr 4=2 "a" @attr 1=4 @attr 4=2 "b" @attr 1=4 @attr 4=2 "c"
            title any "computer bible"         | @or @attr 1=4 @attr 4=2 "computer" @attr 1=4 @attr 4=2 "bible"
            title any "war & peace"            | @or @attr 1=4 @attr 4=2 "war" @attr 1=4 @attr 4=2 "peace"
            title all "& -"                    | @and @attr 1=4 @attr 4=2 "&" @attr 1=4 @attr 4=2 "-"
            title="the computer bible"         | @attr 1=4 @attr 4=1 "the computer bible"
            title adj computer                 | @attr 1=4 @attr 4=1 "computer"
            title=="the computer bible"        | @attr 1=4 @attr 4=1 @attr 6=3 "the computer bible"
            title=comput*                      | @attr 1=4 @attr 4=2 @attr 5=1 "comput"
            title all "computer bib*"          | @and @attr 1=4 @attr 4=2 "computer" @attr 1=4 @attr 4=2 @attr 5=1 "bib"
            title="computer bib*"              | @attr 1=4 @attr 4=1 @attr 5=1 "computer bib"
            title=="the comp*"                 | @attr 1=4 @attr 4=1 @attr 5=1 @attr 6=3 "the comp"
            year<1990                          | @attr 1=31 @attr 2=1 "1990"
            year<=1990                         | @attr 1=31 @attr 2=2 "1990"
            year>1990                          | @attr 1=31 @attr 2=5 "1990"
            year>=1990                         | @attr 1=31 @attr 2=4 "1990"
            year within "1990 2000"            | @and @attr 1=31 @attr 2=4 "1990" @attr 1=31 @attr 2=2 "2000"
            a and b                            | @and @attr 1=1016 @attr 4=2 "a" @attr 1=1016 @attr 4=2 "b"
            a or b                             | @or @attr 1=1016 @attr 4=2 "a" @attr 1=1016 @attr 4=2 "b"
            a not b                            | @not @attr 1=1016 @attr 4=2 "a" @attr 1=1016 @attr 4=2 "b"
            a or b and c                       | @and @or @attr 1=1016 @attr 4=2 "a" @attr 1=1016 @attr 4=2 "b" @attr 1=1016 @attr 4=2 "c"
            a and (b or c)                     | @and @attr 1=1016 @attr 4=2 "a" @or @attr 1=1016 @attr 4=2 "b" @attr 1=1016 @attr 4=2 "c"
            """)
    void writesBib1Attributes(String cql, String expected) {
        assertThat(pqf(cql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `title="x\\" @or \\"y"`           | `@attr 1=4 @attr 4=1 "x\\" @or \\"y"`
            `title=\\@and`                     | `@attr 1=4 @attr 4=2 "@and"`
            `title="@attr 1=1016 anything"`    | `@attr 1=4 @attr 4=1 "@attr 1=1016 anything"`
            `title="{braced}"`                 | `@attr 1=4 @attr 4=2 "{braced}"`
            `title="a\\\\"`                    | `@attr 1=4 @attr 4=2 "a\\\\"`
            `title="\\\\x41\\\\n"`             | `@attr 1=4 @attr 4=2 "\\\\x41\\\\n"`
            `title="end\\\\\\" @or \\"x"`      | `@attr 1=4 @attr 4=1 "end\\\\\\" @or \\"x"`
            """)
    void quotesEveryTermSoNoUserTextBecomesSyntax(String cql, String expected) {
        assertThat(pqf(cql)).isEqualTo(expected);
    }

    @Test
    void targetAttributesReplaceGeneratedOnesOfTheSameType() {
        PqfTranslator koha = PqfTranslator.of(Map.of(Field.AUTHOR, "1=1003 4=1", Field.YEAR, "@attr 1=31 @attr 4=109"),
                UnsupportedFieldPolicy.REPORT);

        assertThat(koha.translate(CqlParser.parse("author=collins")).text()).isEqualTo("@attr 1=1003 @attr 4=1 \"collins\"");
        assertThat(koha.translate(CqlParser.parse("year>=1990")).text()).isEqualTo("@attr 1=31 @attr 2=4 @attr 4=109 \"1990\"");
        assertThat(koha.translate(CqlParser.parse("title=computer")).text()).isEqualTo("@attr 1=4 @attr 4=2 \"computer\"");
    }

    @Test
    void acceptsStringUseAttributes() {
        PqfTranslator t = PqfTranslator.of(Map.of(Field.TITLE, "1=title"), UnsupportedFieldPolicy.REPORT);

        assertThat(t.translate(Query.title("opera")).text()).isEqualTo("@attr 1=title @attr 4=2 \"opera\"");
        assertThat(t.attributesFor(Field.TITLE)).contains("1=title");
    }

    @Test
    void reportsAFieldTheTargetCannotSearchBeforeTranslatingAnything() {
        Map<Field, String> noIsbn = new HashMap<>();
        noIsbn.put(Field.ISBN, null);
        PqfTranslator t = PqfTranslator.of(noIsbn, UnsupportedFieldPolicy.REPORT);

        TargetException e = catchThrowableOfType(TargetException.class,
                () -> t.translate(CqlParser.parse("title=computer or isbn=0836968433")));

        assertThat(e.diagnostic().kind()).isEqualTo(DiagnosticKind.UNSUPPORTED_SEARCH);
        assertThat(e.diagnostic().addInfo()).isEqualTo("isbn");
        assertThat(e.diagnostic().message()).contains("isbn");
        assertThat(t.attributesFor(Field.ISBN)).isEmpty();
    }

    @Test
    void searchesAnUnsupportedFieldAsAnyWithOneWarningWhenConfigured() {
        PqfTranslator t = PqfTranslator.of(Map.of(Field.ISBN, ""), UnsupportedFieldPolicy.SEARCH_AS_ANY);

        Translation tr = t.translate(CqlParser.parse("isbn=0836968434 or isbn=083696843x"));

        assertThat(tr.text()).isEqualTo("@or @attr 1=1016 @attr 4=2 \"0836968434\" @attr 1=1016 @attr 4=2 \"083696843x\"");
        assertThat(tr.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(DiagnosticKind.UNSUPPORTED_SEARCH);
            assertThat(w.addInfo()).isEqualTo("isbn");
        });
    }

    @Test
    void reportsEvenUnderSearchAsAnyWhenAnyItselfIsUnsupported() {
        PqfTranslator t = PqfTranslator.of(Map.of(Field.ISBN, "", Field.ANY, ""), UnsupportedFieldPolicy.SEARCH_AS_ANY);

        assertThatThrownBy(() -> t.translate(Query.isbn("0836968433")))
                .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.diagnostic().addInfo()).isEqualTo("isbn"));
    }

    @Test
    void readsIndexesAndPolicyFromATargetFile() {
        Map<String, Object> indexes = new LinkedHashMap<>();
        indexes.put("author", "1=1003 4=1");
        indexes.put("subject", null);
        TargetConfig target = TargetConfig.builder("koha", "z3950")
                .set("indexes", indexes).set("unsupportedFields", "any").build();

        PqfTranslator t = PqfTranslator.fromTarget(target);

        assertThat(t.unsupportedFields()).isEqualTo(UnsupportedFieldPolicy.SEARCH_AS_ANY);
        assertThat(t.attributesFor(Field.AUTHOR)).contains("1=1003 4=1");
        assertThat(t.attributesFor(Field.SUBJECT)).isEmpty();
        assertThat(t.attributesFor(Field.TITLE)).contains("1=4");
        assertThat(t.translate(Query.subject("opera")).text()).isEqualTo("@attr 1=1016 @attr 4=2 \"opera\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            title   | 4                 | bad Bib-1 attribute '4'
            title   | 1=4 x             | bad Bib-1 attribute 'x'
            title   | 1=4 1=5           | appears twice
            title   | 4=1               | no use attribute
            title   | 1="4"             | bad Bib-1 attribute
            titel   | 1=4               | unknown field 'titel'
            """)
    void refusesBadTargetIndexesNamingTargetFieldAndValue(String field, String value, String message) {
        TargetConfig target = TargetConfig.builder("lib", "z3950").set("indexes", Map.of(field, value)).build();

        assertThatThrownBy(() -> PqfTranslator.fromTarget(target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("target lib: ")
                .hasMessageContaining(field)
                .hasMessageContaining(message);
    }

    @Test
    void refusesAnUnknownUnsupportedFieldsSetting() {
        TargetConfig target = TargetConfig.builder("lib", "z3950").set("unsupportedFields", "drop").build();

        assertThatThrownBy(() -> PqfTranslator.fromTarget(target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target lib: unsupportedFields must be \"report\" or \"any\", was \"drop\"");
    }

    @Test
    void refusesAnIndexesValueThatIsNotAString() {
        TargetConfig target = TargetConfig.builder("lib", "z3950").set("indexes", Map.of("title", 4)).build();

        assertThatThrownBy(() -> PqfTranslator.fromTarget(target))
                .hasMessage("target lib: 'indexes'.title must be a string or null, was 4");
    }
}
