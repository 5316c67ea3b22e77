package org.navette.ill.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Iso18626WriterTest {
    private final Iso18626Reader reader = Iso18626Reader.ofDefaults();
    private final Iso18626Writer writer = Iso18626Writer.ofDefaults();

    static List<Iso18626Message> everyKind() {
        return Samples.everyKind();
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyKindWrittenIsSchemaValidAndReadsBackEqual(Iso18626Message message) {
        String xml = writer.write(message);

        Iso18626Message back = reader.read(xml);   // the reader validates against the XSD

        assertThat(back).isEqualTo(message);
        assertThat(writer.write(back)).isEqualTo(xml);
    }

    @Test
    void theEnvelopeHasTheIllPrefixAndVersionAndDatesInUtc() {
        String xml = writer.write(Samples.supplyingAgencyMessage());

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<ill:ISO18626Message xmlns:ill=\"http://illtransactions.org/2013/iso18626\" ill:version=\"1.2\">")
                .contains("<ill:timestamp>2026-12-07T08:00:00.123456789Z</ill:timestamp>")
                .contains("<ill:answerYesNo>N</ill:answerYesNo>")
                .contains("<ill:sentToPatron>true</ill:sentToPatron>");
    }

    @Test
    void aControlCharacterInANoteIsRefusedNamingTheElement() {
        RequestingAgencyMessage m = new RequestingAgencyMessage(Samples.header(), RequestingAgencyMessage.Action.NOTIFICATION,
                "copied from a form\u000b");

        assertThatThrownBy(() -> writer.write(m)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("note holds character U+000B at index 18, which XML 1.0 cannot carry");
    }

    @Test
    void writeToGivesTheSameUtf8BytesAsWrite() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        writer.writeTo(Samples.request(), out);

        assertThat(out.toByteArray()).isEqualTo(writer.write(Samples.request()).getBytes(StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2e éd.").contains("&lt;only&gt; &amp; fast");
    }
}
