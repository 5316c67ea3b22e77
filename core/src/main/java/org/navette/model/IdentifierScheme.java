package org.navette.model;

/**
 * The kinds of identifier a {@link BibRecord} keeps besides its ISBNs and ISSNs.
 *
 * <p>Thread-safety: immutable.
 */
public enum IdentifierScheme {
    /** Library of Congress Control Number (MARC 010$a), normalised per the LCCN normalisation rules. */
    LCCN,
    /** OCLC number from 035 "(OCoLC)" or 001/003 OCoLC, digits only. */
    OCLC,
    /** Bibliothèque nationale de France record id ("FRBNF" numbers, ark:/12148 identifiers). */
    BNF,
    /** Sudoc PPN (ABES), from 035 "(PPN)" / "sudoc" / 009. */
    SUDOC,
    /** Deutsche Nationalbibliothek id ("(DE-101)"). */
    DNB,
    /** Zeitschriftendatenbank id ("(DE-600)"). */
    ZDB,
    /** Any other system control number from 035, kept with its "(prefix)". */
    SYSTEM_NUMBER,
    /** The record's own control number: 001, qualified by 003 where present ("(FrPJT)12345"). */
    CONTROL_NUMBER,
    /** Digital Object Identifier, lower-cased, without a resolver prefix ("10.1073/pnas.1604234114"). */
    DOI,
    /** International Standard Music Number. */
    ISMN,
    /** EAN / UPC and other 024 standard numbers. */
    OTHER_STANDARD_NUMBER,
    /** An ISBN with a wrong check digit or marked cancelled/invalid (020$z, 010$z): kept, never matched on. */
    ISBN_INVALID,
    /** An ISSN marked cancelled or incorrect (022$y/$z, 011$y/$z). */
    ISSN_INVALID,
    /** A URL/URI of the record or the resource (856$u, a scraped detail page). */
    URL
}
