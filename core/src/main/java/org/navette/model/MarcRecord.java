package org.navette.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

/**
 * The original MARC record behind a {@link BibRecord}, read-only: its leader, control fields and data
 * fields as they were read (already decoded to Unicode). Nothing reached through it can change it, so a
 * record can be shared by threads and by the clusters it sits in.
 *
 * <p>marc4j is what Navette reads MARC with, and the two conversions are explicit copies:
 * {@link #of(Record)} copies a marc4j record in, {@link #toMarc4j()} hands out a fresh copy for
 * marc4j's writers or for code written against its API. Changing that copy changes nothing here.
 *
 * <pre>{@code
 * MarcRecord marc = bib.marc().orElseThrow();
 * marc.controlNumber();                        // Optional[ocm12345678]
 * marc.firstSubfield("245", 'a');              // Optional[The rose :]
 * marc.dataFields("650").size();               // subjects
 * try (var out = Files.newOutputStream(p)) {   // or write it with marc4j
 *     new MarcStreamWriter(out, "UTF-8").write(marc.toMarc4j());
 * }
 * }</pre>
 */
public final class MarcRecord {
    private static final MarcFactory FACTORY = MarcFactory.newInstance();

    /**
     * A data field: tag, two indicators, subfields in their order.
     *
     * @param tag        three characters, e.g. {@code 245}
     * @param indicator1 the first indicator (a space when blank)
     * @param indicator2 the second indicator
     * @param subfields  code and value of each subfield, in order
     */
    public record Field(String tag, char indicator1, char indicator2, List<SubfieldValue> subfields) {
        public Field {
            Objects.requireNonNull(tag, "tag");
            subfields = List.copyOf(subfields);
        }

        /** The value of the first subfield with this code. */
        public Optional<String> first(char code) {
            for (SubfieldValue s : subfields) {
                if (s.code() == code) {
                    return Optional.of(s.value());
                }
            }
            return Optional.empty();
        }

        /** The values of every subfield with this code, in order. */
        public List<String> all(char code) {
            List<String> values = new ArrayList<>(2);
            for (SubfieldValue s : subfields) {
                if (s.code() == code) {
                    values.add(s.value());
                }
            }
            return values;
        }
    }

    /**
     * One subfield.
     *
     * @param code  its code, e.g. {@code a}
     * @param value its text
     */
    public record SubfieldValue(char code, String value) {
        public SubfieldValue {
            Objects.requireNonNull(value, "value");
        }
    }

    // a private copy no caller holds (or a record handed over by adopt): never handed out, only read or copied again
    private final Record marc;

    private MarcRecord(Record marc) {
        this.marc = marc;
    }

    /** A read-only copy of a marc4j record; later changes to {@code marc} do not reach it. */
    public static MarcRecord of(Record marc) {
        return new MarcRecord(copy(Objects.requireNonNull(marc, "marc")));
    }

    /**
     * A read-only view of a marc4j record the caller hands over without copying it: for a reader
     * that has just built {@code marc} and keeps no reference to it (a copy per record was a tenth
     * of a federated search's decoding). Changing {@code marc} afterwards would change this view.
     *
     * <pre>{@code
     * MarcRecord m = MarcRecord.adopt(decoder.next());   // the decoder's record, never touched again
     * }</pre>
     */
    public static MarcRecord adopt(Record marc) {
        return new MarcRecord(Objects.requireNonNull(marc, "marc"));
    }

    /** A fresh, mutable marc4j copy of this record, for marc4j's writers or its API. */
    public Record toMarc4j() {
        return copy(marc);
    }

    /** The leader's 24 characters (empty when the record had none). */
    public String leader() {
        return marc.getLeader() == null ? "" : marc.getLeader().marshal();
    }

    /** The 001 field. */
    public Optional<String> controlNumber() {
        return controlField("001");
    }

    /** The data of the first control field (00X) with this tag. */
    public Optional<String> controlField(String tag) {
        for (ControlField cf : marc.getControlFields()) {
            if (cf.getTag().equals(tag)) {
                return Optional.ofNullable(cf.getData());
            }
        }
        return Optional.empty();
    }

    /** Whether the record has a control or data field with this tag. */
    public boolean has(String tag) {
        return marc.getVariableField(tag) != null;
    }

    /** The tags of the control fields, in the record's order. */
    public List<String> controlFieldTags() {
        List<String> tags = new ArrayList<>();
        marc.getControlFields().forEach(cf -> tags.add(cf.getTag()));
        return Collections.unmodifiableList(tags);
    }

    /** Every data field, in the record's order. */
    public List<Field> dataFields() {
        return fields(null);
    }

    /** The data fields with this tag, in the record's order. */
    public List<Field> dataFields(String tag) {
        return fields(Objects.requireNonNull(tag, "tag"));
    }

    /** The first subfield {@code code} of the first field {@code tag} that has a field with that tag. */
    public Optional<String> firstSubfield(String tag, char code) {
        VariableField vf = marc.getVariableField(tag);
        if (vf instanceof DataField df) {
            Subfield sf = df.getSubfield(code);
            return sf == null ? Optional.empty() : Optional.ofNullable(sf.getData());
        }
        return Optional.empty();
    }

    /** The values of subfield {@code code} in every field {@code tag}, in order. */
    public List<String> subfields(String tag, char code) {
        List<String> values = new ArrayList<>(2);
        for (VariableField vf : marc.getVariableFields(tag)) {
            if (vf instanceof DataField df) {
                for (Subfield sf : df.getSubfields(code)) {
                    values.add(sf.getData());
                }
            }
        }
        return values;
    }

    private List<Field> fields(@Nullable String tag) {
        List<Field> fields = new ArrayList<>();
        for (DataField df : marc.getDataFields()) {
            if (tag == null || df.getTag().equals(tag)) {
                List<SubfieldValue> subs = new ArrayList<>(df.getSubfields().size());
                for (Subfield sf : df.getSubfields()) {
                    subs.add(new SubfieldValue(sf.getCode(), sf.getData() == null ? "" : sf.getData()));
                }
                fields.add(new Field(df.getTag(), df.getIndicator1(), df.getIndicator2(), subs));
            }
        }
        return Collections.unmodifiableList(fields);
    }

    private static Record copy(Record source) {
        Record copy = FACTORY.newRecord();
        if (source.getLeader() != null) {
            copy.setLeader(FACTORY.newLeader(source.getLeader().marshal()));
        }
        for (ControlField cf : source.getControlFields()) {
            copy.addVariableField(FACTORY.newControlField(cf.getTag(), cf.getData()));
        }
        for (DataField df : source.getDataFields()) {
            DataField field = FACTORY.newDataField(df.getTag(), df.getIndicator1(), df.getIndicator2());
            for (Subfield sf : df.getSubfields()) {
                field.addSubfield(FACTORY.newSubfield(sf.getCode(), sf.getData()));
            }
            copy.addVariableField(field);
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarcRecord other && marc.toString().equals(other.marc.toString());
    }

    @Override
    public int hashCode() {
        return marc.toString().hashCode();
    }

    @Override
    public String toString() {
        return marc.toString();
    }
}
