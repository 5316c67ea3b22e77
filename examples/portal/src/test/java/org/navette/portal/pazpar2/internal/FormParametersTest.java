package org.navette.portal.pazpar2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormParametersTest {

    @Test
    void percentEscapesAndPlusesDecodeAsUtf8AndTheFirstOfARepeatedNameWins() {
        assertThat(FormParameters.parse("command=search&query=ti%3D%C3%A9t%C3%A9+d%27or&query=other&block"))
                .containsEntry("command", "search").containsEntry("query", "ti=été d'or").containsEntry("block", "")
                .hasSize(3);
    }

    @Test
    void aBrokenEscapeOrNonUtf8BytesAreAMalformedEncodingOfThatParameter() {
        assertThatThrownBy(() -> FormParameters.parse("query=%E9t%E9")).isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).error()).isEqualTo(Pz2Error.MALFORMED_PARAMETER_ENCODING))
                .satisfies(e -> assertThat(((CommandException) e).addInfo()).isEqualTo("query"));
        assertThatThrownBy(() -> FormParameters.parse("query=%4")).isInstanceOf(CommandException.class);
    }
}
