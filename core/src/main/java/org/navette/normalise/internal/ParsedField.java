package org.navette.normalise.internal;

/**
 * One field of an ISO 2709 record located in the record's bytes, not yet decoded: a control field
 * is the byte range [start, end); a data field has indicators and subfields given as triples
 * (code, start, end) in {@code subfields}.
 *
 * <p>Thread-safety: immutable once built (the arrays are never changed after parsing).
 */
record ParsedField(String tag, boolean control, char ind1, char ind2, int start, int end, int[] subfields) {
    public int subfieldCount() {
        return subfields.length / 3;
    }

    public char code(int i) {
        return (char) subfields[i * 3];
    }

    public int subfieldStart(int i) {
        return subfields[i * 3 + 1];
    }

    public int subfieldEnd(int i) {
        return subfields[i * 3 + 2];
    }
}
