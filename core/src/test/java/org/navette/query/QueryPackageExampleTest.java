package org.navette.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.navette.target.TargetConfig;

/** The example of the package documentation, so that it stays true. */
class QueryPackageExampleTest {

    @Test
    void translatesTheDocumentedQueryForBothProtocols() {
        Query q = CqlParser.parse("title=\"the computer bible\" and year within \"1970 1990\"");
        TargetConfig z3950 = TargetConfig.builder("zebra", "z3950").set("indexes", Map.of("year", "1=31")).build();
        TargetConfig sru = TargetConfig.builder("zebra-sru", "sru").set("indexPreset", "dc").build();

        assertThat(q.toCql()).isEqualTo("title=\"the computer bible\" and year within \"1970 1990\"");
        assertThat(PqfTranslator.fromTarget(z3950).translate(q).text()).isEqualTo(
                "@and @attr 1=4 @attr 4=1 \"the computer bible\" @and @attr 1=31 @attr 2=4 \"1970\" @attr 1=31 @attr 2=2 \"1990\"");
        assertThat(CqlTranslator.fromTarget(sru).translate(q).text()).isEqualTo(
                "dc.title=\"the computer bible\" and (dc.date>=\"1970\" and dc.date<=\"1990\")");
    }
}
