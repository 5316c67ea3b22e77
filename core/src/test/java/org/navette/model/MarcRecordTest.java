package org.navette.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;

class MarcRecordTest {
    private static Record chabon() throws IOException {
        try (InputStream in = MarcRecordTest.class.getResourceAsStream("/org/navette/normalise/corpus/1-marc21/marc4j/chabon.mrc")) {
            return new MarcStreamReader(in, "UTF-8").next();
        }
    }

    @Test
    void readsFieldsAsTheyWereRead() throws IOException {
        Record source = chabon();
        MarcRecord marc = MarcRecord.of(source);
        assertThat(marc.leader()).isEqualTo(source.getLeader().marshal()).hasSize(24);
        assertThat(marc.controlNumber()).contains(source.getControlNumber());
        assertThat(marc.firstSubfield("245", 'a')).hasValueSatisfying(t -> assertThat(t).startsWith("The amazing adventures of Kavalier"));
        assertThat(marc.dataFields()).hasSize(source.getDataFields().size());
        assertThat(marc.dataFields("650")).isNotEmpty().allSatisfy(f -> assertThat(f.tag()).isEqualTo("650"));
        assertThat(marc.has("008")).isTrue();
        assertThat(marc.has("999")).isFalse();
        assertThat(marc.toMarc4j().toString()).isEqualTo(source.toString());
    }

    @Test
    void nothingOutsideCanChangeIt() throws IOException {
        Record source = chabon();
        MarcRecord marc = MarcRecord.of(source);
        String before = marc.toString();

        // the record it was copied from, then the copy it hands out, then the lists it answers
        ((DataField) source.getVariableField("245")).getSubfield('a').setData("changed by the caller");
        source.addVariableField(MarcFactory.newInstance().newControlField("009", "added"));
        Record handedOut = marc.toMarc4j();
        ((DataField) handedOut.getVariableField("245")).getSubfield('a').setData("changed again");
        assertThatThrownBy(() -> marc.dataFields().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> marc.dataFields("245").get(0).subfields().clear()).isInstanceOf(UnsupportedOperationException.class);

        assertThat(marc.toString()).isEqualTo(before);
        assertThat(marc.firstSubfield("245", 'a')).hasValueSatisfying(t -> assertThat(t).startsWith("The amazing"));
        assertThat(marc.has("009")).isFalse();
    }

    @Test
    void theNormalisedRecordKeepsTheOriginalReadOnly() throws IOException {
        Record source = chabon();
        ReadResult read = Normaliser.ofDefaults().normalise(source, new RecordSource("loc", "x"), RecordFormat.MARC21);
        ((DataField) source.getVariableField("245")).getSubfield('a').setData("changed after normalising");
        assertThat(read.record().marc()).hasValueSatisfying(m ->
                assertThat(m.firstSubfield("245", 'a')).hasValueSatisfying(t -> assertThat(t).startsWith("The amazing")));
        assertThat(read.record().marc().orElseThrow()).isEqualTo(read.record().marc().orElseThrow());
    }
}
