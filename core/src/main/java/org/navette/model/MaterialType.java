package org.navette.model;

/**
 * What kind of resource a record describes, read from MARC21 leader/06-07 (+008), UNIMARC
 * leader/06-07 (+100, 105, 106, 110), or a scraped media-type label.
 *
 * <p>Matching vetoes merges across material types, and facets count them.
 */
public enum MaterialType {
    BOOK,
    SERIAL,
    /** A component part: article, chapter (leader/07 a or b). */
    ARTICLE,
    SCORE,
    MAP,
    /** Spoken word and other non-musical sound recordings. */
    SOUND_RECORDING,
    MUSIC_RECORDING,
    VIDEO,
    /** Still images, photographs, prints, posters. */
    GRAPHIC,
    /** Computer files, software, databases (MARC leader/06 m). */
    COMPUTER_FILE,
    KIT,
    MIXED_MATERIALS,
    MANUSCRIPT,
    OBJECT,
    OTHER
}
