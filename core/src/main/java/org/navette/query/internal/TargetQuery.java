package org.navette.query.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.navette.model.Isbn;
import org.navette.query.Field;
import org.navette.query.Query;
import org.navette.query.Relation;

/**
 * The query as translators send it to targets, which differs from what the user wrote in two
 * ways that help every catalogue:
 * <ul>
 *   <li>a closed range ({@code within}) becomes {@code >=} and {@code <=}: few servers know
 *       {@code within}, all know the comparisons;</li>
 *   <li>an ISBN term that is exactly one valid ISBN, hyphenated or not, is searched as a word in
 *       its compact ISBN-13 form or its ISBN-10 form: catalogues store either, mostly without
 *       hyphens, a word index splits a hyphenated ISBN into pieces that match nothing, and an
 *       exact match would miss the "(pbk.)" that often follows the number.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
public final class TargetQuery {
    private TargetQuery() {
    }

    public static Query of(Query q) {
        return map(q, TargetQuery::clause);
    }

    private static Query clause(Query.Clause c) {
        if (c.relation() == Relation.WITHIN) {
            return new Query.And(new Query.Clause(c.field(), Relation.GREATER_OR_EQUAL, c.term(), null, false),
                    new Query.Clause(c.field(), Relation.LESS_OR_EQUAL, c.upperBound(), null, false));
        }
        Optional<Isbn> isbn = wholeIsbn(c);
        if (isbn.isEmpty()) {
            return c;
        }
        Query thirteen = new Query.Clause(Field.ISBN, Relation.ALL_WORDS, isbn.get().isbn13(), null, false);
        String ten = isbn.get().isbn10();
        return ten == null ? thirteen : new Query.Or(thirteen, new Query.Clause(Field.ISBN, Relation.ALL_WORDS, ten, null, false));
    }

    /** The ISBN when the clause searches ISBNs for exactly one valid ISBN and nothing else. */
    private static Optional<Isbn> wholeIsbn(Query.Clause c) {
        boolean equality = switch (c.relation()) {
            case ALL_WORDS, ANY_WORD, PHRASE, EXACT -> true;
            default -> false;
        };
        if (c.field() != Field.ISBN || !equality || c.rightTruncated()) {
            return Optional.empty();
        }
        String compact = c.term().replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        return Isbn.parse(c.term()).filter(i -> compact.equals(i.isbn13()) || compact.equals(i.isbn10()));
    }

    /** The query with every clause replaced by {@code f}'s answer. */
    public static Query map(Query q, Function<Query.Clause, Query> f) {
        if (q instanceof Query.Clause c) {
            return f.apply(c);
        }
        if (q instanceof Query.And a) {
            return new Query.And(map(a.left(), f), map(a.right(), f));
        }
        if (q instanceof Query.Or o) {
            return new Query.Or(map(o.left(), f), map(o.right(), f));
        }
        Query.AndNot n = (Query.AndNot) q;
        return new Query.AndNot(map(n.left(), f), map(n.right(), f));
    }
}
