package org.navette.query;

/**
 * How a clause's term is compared with the field.
 *
 * <pre>{@code
 * new Query.Clause(Field.YEAR, Relation.GREATER_OR_EQUAL, "1990", null, false);   // year>=1990
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum Relation {
    /** Every word of the term occurs in the field, in any order (CQL {@code all}, and {@code =} on one word). */
    ALL_WORDS,
    /** At least one word of the term occurs (CQL {@code any}). */
    ANY_WORD,
    /** The words occur adjacent and in order (CQL {@code adj}, and {@code =} on a quoted multi-word term). */
    PHRASE,
    /** The whole field equals the term (CQL {@code ==}). */
    EXACT,
    LESS_THAN,
    LESS_OR_EQUAL,
    GREATER_THAN,
    GREATER_OR_EQUAL,
    /** A closed range: the clause carries a lower and an upper bound (CQL {@code within "1990 2000"}). */
    WITHIN
}
