package org.navette.federation;

import org.navette.model.Author;
import org.navette.model.BibRecord;
import org.navette.model.Isbn;
import org.navette.model.RecordFormat;
import org.navette.model.RecordSource;

/** Small real-looking records for engine tests. */
final class Books {
    private Books() {
    }

    static BibRecord book(String origin, String id, String title, String author, String isbn, int year) {
        BibRecord.Builder b = BibRecord.builder(new RecordSource(origin, id), RecordFormat.MARC21)
                .titleProper(title)
                .addAuthor(Author.personal(author))
                .publisher("Example Press")
                .year(year);
        if (isbn != null) {
            b.addIsbn(Isbn.parse(isbn).orElseThrow());
        }
        return b.build();
    }

    /** The Hobbit, as target {@code origin} holds it. */
    static BibRecord hobbit(String origin) {
        return book(origin, "hobbit-1", "The hobbit", "Tolkien, J. R. R.", "9780261102217", 1991);
    }

    static BibRecord dune(String origin) {
        return book(origin, "dune-1", "Dune", "Herbert, Frank", "9780441172719", 1990);
    }

    private static final String[] WORDS = {"harbour", "lantern", "orchard", "meadow", "glacier", "canyon", "violin",
        "compass", "falcon", "quarry", "saffron", "tundra", "walnut", "zephyr", "basalt", "cobalt", "dahlia", "ember",
        "fjord", "granite", "heron", "indigo", "juniper", "kestrel", "lagoon", "marble"};

    /** The n-th of many records that match nothing else: distinct words, authors and years. */
    static BibRecord distinct(String origin, int n) {
        String title = WORDS[n % WORDS.length] + " " + WORDS[(n / WORDS.length + 7 * n + 3) % WORDS.length] + " " + n;
        return book(origin, "d" + n, title, "Author" + n + ", Ann", null, 1500 + (n * 7) % 500);
    }
}
