package org.navette.normalise;

/**
 * The kinds of record file {@link MarcFileReader} recognises, by content (the file name's
 * extension only breaks ties).
 *
 * <pre>{@code
 * try (MarcFileReader r = MarcFileReader.open(path, Normaliser.ofDefaults())) {
 *     if (r.format() == FileFormat.UNSUPPORTED) { ... }
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum FileFormat {
    /** ISO 2709 ("binary MARC"), MARC21 or UNIMARC. */
    ISO2709,
    /** MARCXML, marcxchange, UNIMARC slim XML, Dublin Core XML; OAI-PMH and SRU wrappers are looked through. */
    XML,
    /** MARC-in-JSON (one record, an array of records or one record per line), and marc4j's MARC-JSON. */
    MARC_JSON,
    /** MarcMaker / MarcEdit mnemonic text (.mrk, .mrk8). */
    MARC_MAKER,
    /** Anything else: the reader yields one UNREADABLE result naming the problem. */
    UNSUPPORTED
}
