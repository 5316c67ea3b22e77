package org.navette.catalogue;

/**
 * How {@link Catalogue#export} writes a library's records.
 *
 * <pre>{@code
 * catalogue.export("bib-dole", out, ExportFormat.ISO2709);
 * }</pre>
 */
public enum ExportFormat {
    /** One MARCXML {@code <collection>} in UTF-8. */
    MARCXML,
    /** ISO 2709 (binary MARC) in UTF-8, leader position 9 set to {@code a}. */
    ISO2709
}
