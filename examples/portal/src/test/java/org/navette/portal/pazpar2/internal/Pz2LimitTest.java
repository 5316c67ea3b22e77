package org.navette.portal.pazpar2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.navette.query.Query;

class Pz2LimitTest {
    private static final Query ROSE = Query.any("rose");

    @Test
    void eachLimitIsAndedAndItsAlternativesOred() {
        assertThat(Pz2Limit.apply(ROSE, "author=Eco\\, Umberto|Eco\\, U.,date=1983"))
                .isEqualTo(ROSE.and(Query.author("Eco, Umberto").or(Query.author("Eco, U."))).and(Query.year(1983)));
        assertThat(Pz2Limit.apply(ROSE, "su=Monks")).isEqualTo(ROSE.and(Query.subject("Monks")));
        assertThat(Pz2Limit.apply(ROSE, "")).isEqualTo(ROSE);
        assertThat(Pz2Limit.apply(ROSE, "subject=a\\|b")).isEqualTo(ROSE.and(Query.subject("a|b")));
    }

    @Test
    void aLimitOnAnUnsearchableNameOrWithoutAValueIsMalformed() {
        assertThatThrownBy(() -> Pz2Limit.apply(ROSE, "medium=book")).isInstanceOf(CommandException.class)
                .hasMessageContaining("limit medium");
        assertThatThrownBy(() -> Pz2Limit.apply(ROSE, "author")).isInstanceOf(CommandException.class);
        assertThatThrownBy(() -> Pz2Limit.apply(ROSE, "date=nineteen")).isInstanceOf(CommandException.class)
                .hasMessageContaining("a year");
    }
}
