package org.navette.model;

/**
 * The physical or online form of a resource, independent of its material type: a print book and
 * its e-book edition are both {@link MaterialType#BOOK} with different carriers. Matching keeps
 * print and electronic apart unless configured otherwise.
 */
public enum Carrier {
    PRINT,
    ELECTRONIC,
    MICROFORM,
    /** Discs, tapes, objects: a non-print physical carrier. */
    OTHER_PHYSICAL,
    UNKNOWN
}
