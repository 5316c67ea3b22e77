package org.navette.model;

/**
 * Whether an item can be lent now, as far as the source tells.
 *
 * <p>Thread-safety: immutable.
 */
public enum Availability {
    AVAILABLE,
    ON_LOAN,
    /** Reference only, restricted, in processing: held, but not lendable. */
    NOT_FOR_LOAN,
    /** Lost, missing, withdrawn, damaged. */
    UNAVAILABLE,
    /** The source says nothing (or something we could not interpret; the raw status is kept). */
    UNKNOWN
}
