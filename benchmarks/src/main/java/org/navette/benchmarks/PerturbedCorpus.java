package org.navette.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.navette.model.Author;
import org.navette.model.Availability;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.Isbn;
import org.navette.model.RecordSource;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;

/**
 * Benchmark input made from real records: 1 700 real MARC21 and UNIMARC records (Evergreen's jazz
 * and French sets, LoC samples, BSG and BNCF) read through the normaliser, then replicated with
 * perturbation into any number of records. Each base record seeds many distinct "works" (a title
 * word replaced, another year, a new ISBN); each work comes in one to six copies from different
 * libraries, catalogued with the usual variation (case, dropped subtitle, ISBD punctuation, direct
 * order author names, a dropped ISBN or publisher, a transposed letter, a year off by one, holdings).
 * Deterministic for a given seed.
 */
final class PerturbedCorpus {
    /** Real files from core's test-jar (their provenance is written next to them there). */
    private static final String[] FILES = {"/org/navette/normalise/corpus/1-marc21/evergreen/jazz_1k.mrc",
        "/org/navette/normalise/corpus/1-marc21/evergreen/lul_fre_500.mrc",
        "/org/navette/testpeers/zebra/marc21/loc-sample-utf8.mrc",
        "/org/navette/normalise/corpus/2-unimarc/medialab-reference_manager/cotesMEL.mrc",
        "/org/navette/testpeers/zebra/unimarc/bncf-florence.mrc"};

    private final List<BibRecord> base;
    private final List<String> vocabulary;

    private PerturbedCorpus(List<BibRecord> base) {
        this.base = base;
        List<String> words = new ArrayList<>();
        for (BibRecord r : base) {
            if (r.titleProper() != null) {
                for (String w : r.titleProper().split("\\s+")) {
                    if (w.length() >= 5 && w.chars().allMatch(Character::isLetter)) {
                        words.add(w);
                    }
                }
            }
        }
        this.vocabulary = words;
    }

    /** Reads the real records. */
    static PerturbedCorpus load() {
        List<BibRecord> records = new ArrayList<>();
        Normaliser normaliser = Normaliser.ofDefaults();
        for (String f : FILES) {
            try (InputStream in = PerturbedCorpus.class.getResourceAsStream(f);
                 MarcFileReader reader = MarcFileReader.open(in, f, normaliser)) {
                reader.forEachRemaining((ReadResult r) -> {
                    if (r.record() != null && r.record().titleProper() != null) {
                        records.add(r.record());
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new PerturbedCorpus(List.copyOf(records));
    }

    /** The real records themselves. */
    List<BibRecord> base() {
        return base;
    }

    /** {@code n} records: works with one to six perturbed copies each. */
    List<BibRecord> records(int n, long seed) {
        Random rnd = new Random(seed);
        List<BibRecord> out = new ArrayList<>(n);
        int work = 0;
        while (out.size() < n) {
            BibRecord w = work(work, rnd);
            int copies = 1 + Math.min(5, (int) (-Math.log(1 - rnd.nextDouble()) * 1.5));
            for (int c = 0; c < copies && out.size() < n; c++) {
                out.add(copy(w, work, c, rnd));
            }
            work++;
        }
        return out;
    }

    private BibRecord work(int index, Random rnd) {
        BibRecord b = base.get(index % base.size());
        if (index < base.size()) {
            return b;
        }
        BibRecord.Builder w = b.toBuilder();
        String[] words = b.titleProper().split("\\s+");
        words[rnd.nextInt(words.length)] = vocabulary.get(rnd.nextInt(vocabulary.size()));
        w.titleProper(String.join(" ", words) + (rnd.nextBoolean() ? " " + vocabulary.get(rnd.nextInt(vocabulary.size())) : ""));
        if (b.year() != null) {
            w.year(Math.min(2999, b.year() + 1 + rnd.nextInt(40)));
        }
        BibRecord.Builder fresh = BibRecord.builder(b.source(), b.format());
        BibRecord built = w.build();
        copyAllBut(built, fresh);
        if (rnd.nextInt(10) < 6) {
            fresh.addIsbn(randomIsbn(rnd));
        }
        if (rnd.nextInt(10) < 3 && !base.isEmpty()) {
            fresh.authors(base.get(rnd.nextInt(base.size())).authors());
        }
        return fresh.build();
    }

    /** Copies everything but ISBNs and identifiers (a new work has its own). */
    private static void copyAllBut(BibRecord r, BibRecord.Builder b) {
        b.titleProper(r.titleProper()).titleRemainder(r.titleRemainder()).partNumber(r.partNumber())
                .partName(r.partName()).responsibility(r.responsibility()).edition(r.edition())
                .publisher(r.publisher()).place(r.place()).year(r.year()).extent(r.extent())
                .materialType(r.materialType()).carrier(r.carrier()).authors(r.authors());
        r.languages().forEach(b::addLanguage);
        r.subjects().forEach(b::addSubject);
        r.series().forEach(b::addSeries);
    }

    private BibRecord copy(BibRecord w, int work, int copy, Random rnd) {
        BibRecord.Builder b = BibRecord.builder(new RecordSource("lib" + rnd.nextInt(40), "w" + work + "c" + copy), w.format());
        copyAllBut(w, b);
        if (copy > 0) {
            String title = w.titleProper();
            if (rnd.nextInt(10) == 0) {
                title = title.toUpperCase(Locale.ROOT);
            }
            if (rnd.nextInt(10) == 0) {
                title = transpose(title, rnd);
            }
            b.titleProper(rnd.nextInt(5) == 0 ? title + " /" : title);
            if (rnd.nextInt(4) == 0) {
                b.titleRemainder(null);
            }
            if (rnd.nextInt(3) == 0 && !w.authors().isEmpty()) {
                List<Author> direct = new ArrayList<>();
                for (Author a : w.authors()) {
                    int comma = a.name().indexOf(',');
                    String name = comma > 0 ? (a.name().substring(comma + 1).strip() + " " + a.name().substring(0, comma)).strip() : a.name();
                    direct.add(new Author(name.isBlank() ? a.name() : name, a.kind(), a.role(), a.dates(), a.primary()));
                }
                b.authors(direct);
            }
            if (rnd.nextInt(10) == 0 && w.year() != null) {
                b.year(Math.min(2999, w.year() + 1));
            }
            if (rnd.nextInt(3) == 0) {
                b.publisher(null);
            }
        }
        if (rnd.nextInt(5) != 0 || copy == 0) {
            w.isbns().forEach(b::addIsbn);
        }
        w.identifiers().forEach(b::addIdentifier);
        w.issns().forEach(b::addIssn);
        b.addHolding(Holding.builder().library("lib" + rnd.nextInt(40)).callNumber("C" + work)
                .availability(rnd.nextBoolean() ? Availability.AVAILABLE : Availability.ON_LOAN).build());
        return b.build();
    }

    private static String transpose(String title, Random rnd) {
        char[] c = title.toCharArray();
        for (int tries = 0; tries < 5; tries++) {
            int i = 1 + rnd.nextInt(Math.max(1, c.length - 2));
            if (i + 1 < c.length && Character.isLetter(c[i]) && Character.isLetter(c[i + 1])) {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                break;
            }
        }
        return new String(c);
    }

    private static Isbn randomIsbn(Random rnd) {
        StringBuilder body = new StringBuilder("979");
        for (int i = 0; i < 9; i++) {
            body.append(rnd.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return Isbn.parse(body.append((10 - sum % 10) % 10).toString()).orElseThrow();
    }
}
