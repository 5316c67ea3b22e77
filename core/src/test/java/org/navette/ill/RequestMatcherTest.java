package org.navette.ill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.navette.catalogue.Catalogue;
import org.navette.catalogue.FileSource;
import org.navette.catalogue.StoredMember;
import org.navette.model.BibRecord;
import org.navette.model.Isbn;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import org.navette.testing.InMemoryCatalogueStore;

/**
 * Requests derived from real records with the damage real requests carry, matched against a union
 * catalogue built from real MARC21 and UNIMARC files as different libraries; requests for works the
 * catalogue does not hold must stay unmatched.
 */
class RequestMatcherTest {
    private static final String CORPUS = "/org/navette/normalise/corpus/";
    private static final String LUL = CORPUS + "1-marc21/evergreen/lul_fre_500.mrc";
    private static final String JAZZ = CORPUS + "1-marc21/evergreen/jazz_1k.mrc";
    private static final String UNIMARC = CORPUS + "2-unimarc/medialab-reference_manager/cotesMEL.mrc";

    @TempDir
    static Path dir;

    static InMemoryCatalogueStore store;
    static Catalogue catalogue;
    static List<BibRecord> lul;
    static List<BibRecord> jazz;
    static List<BibRecord> unimarc;

    @BeforeAll
    static void build() throws IOException {
        byte[] lulBytes = resource(LUL);
        byte[] jazzBytes = resource(JAZZ);
        List<byte[]> l = split(lulBytes);
        List<byte[]> j = split(jazzBytes);
        store = new InMemoryCatalogueStore();
        catalogue = Catalogue.builder(store).build();
        catalogue.load("bib-a", FileSource.of(write("a.mrc", l.subList(0, 300))));
        catalogue.load("bib-b", FileSource.of(write("b.mrc", l.subList(200, 500))));
        catalogue.load("jazz", FileSource.of(write("jazz.mrc", j.subList(0, 500))));
        catalogue.load("mel", FileSource.of(write("mel.mrc", split(resource(UNIMARC)))));
        lul = read(lulBytes);
        jazz = read(jazzBytes);
        unimarc = read(resource(UNIMARC));
    }

    @Test
    void damagedRequestsFindTheirWorkAndRequestsForAbsentWorksStayUnmatched() {
        Random rnd = new Random(1);
        int positives = 0;
        int right = 0;
        int wrong = 0;
        int ambiguous = 0;
        List<String> misses = new ArrayList<>();
        List<BibRecord> held = new ArrayList<>();
        List<String> libraries = new ArrayList<>();
        for (int i = 0; i < 500; i += 2) {
            held.add(lul.get(i));
            libraries.add(i < 300 ? "bib-a" : "bib-b");
        }
        for (BibRecord r : unimarc.subList(0, Math.min(60, unimarc.size()))) {
            held.add(r);
            libraries.add("mel");
        }
        Map<String, StoredMember> members = store.allMembers();
        for (int i = 0; i < held.size(); i++) {
            BibRecord r = held.get(i);
            StoredMember m = members.get(libraries.get(i) + ":" + r.source().recordId());
            if (m == null || r.titleProper() == null) {
                continue;
            }
            IllRequest q = damaged(r, i % 5, rnd);
            positives++;
            RequestMatch got = RequestMatcher.overCatalogue(catalogue).match(q);
            if (got.status() == RequestMatch.Status.MATCHED) {
                if (got.work().orElseThrow().id().equals(m.clusterId())) {
                    right++;
                } else {
                    wrong++;
                    misses.add("WRONG " + q + " -> " + got.work().get().title() + " " + got.reason());
                }
            } else {
                if (got.status() == RequestMatch.Status.AMBIGUOUS) {
                    ambiguous++;
                }
                misses.add(got.status() + " " + q + " " + got.reason());
            }
        }
        int negatives = 0;
        int falseMatches = 0;
        for (int i = 500; i < jazz.size(); i += 3) {
            BibRecord r = jazz.get(i);
            if (r.titleProper() == null) {
                continue;
            }
            negatives++;
            RequestMatch got = RequestMatcher.overCatalogue(catalogue).match(damaged(r, i % 5, rnd));
            if (got.status() == RequestMatch.Status.MATCHED) {
                // a jazz record repeated in the first half is a true match, not an error
                String title = got.work().orElseThrow().title();
                if (!title.equalsIgnoreCase(r.titleProper())) {
                    falseMatches++;
                    misses.add("FALSE " + r.titleProper() + " -> " + title + " " + got.reason());
                }
            }
        }
        double precision = right / (double) (right + wrong + falseMatches);
        double recall = right / (double) positives;
        System.out.printf(Locale.ROOT, "requests: %d positives, %d right, %d wrong, %d ambiguous; %d negatives, %d false matches; P=%.3f R=%.3f%n",
                positives, right, wrong, ambiguous, negatives, falseMatches, precision, recall);
        misses.stream().limit(40).forEach(System.out::println);
        assertThat(positives).isGreaterThan(250);
        assertThat(negatives).isGreaterThan(100);
        assertThat(precision).isGreaterThanOrEqualTo(0.98);
        assertThat(recall).isGreaterThanOrEqualTo(0.85);
    }

    /**
     * The request a patron or a peer would send for {@code r}, with one kind of damage: 0 ISBN in
     * the other length and nothing else; 1 a letter swapped in the title, surname only; 2 the year
     * one off, no ISBN; 3 no subtitle, "Forename Surname" order, no year; 4 lower case without
     * accents, no author.
     */
    static IllRequest damaged(BibRecord r, int kind, Random rnd) {
        IllRequest.Builder b = IllRequest.builder("req-" + r.source().origin() + "-" + r.source().recordId());
        String title = r.titleRemainder() == null ? r.titleProper() : r.titleProper() + " : " + r.titleRemainder();
        String author = r.authors().isEmpty() ? null : r.authors().get(0).name();
        switch (kind) {
            case 0 -> {
                if (!r.isbns().isEmpty()) {
                    Isbn i = r.isbns().get(0);
                    b.isbn(i.isbn10() != null ? i.isbn10() : i.isbn13());
                } else {
                    b.title(title).author(author).year(r.year());
                }
            }
            case 1 -> b.title(typo(title, rnd)).author(surname(author)).year(r.year());
            case 2 -> b.title(title).author(author).year(r.year() == null ? null : r.year() + 1);
            case 3 -> b.title(r.titleProper()).author(forenameFirst(author));
            default -> b.title(java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)).year(r.year());
        }
        return b.build();
    }

    private static String typo(String title, Random rnd) {
        String[] words = title.split(" ");
        int longest = 0;
        for (int i = 1; i < words.length; i++) {
            if (words[i].length() > words[longest].length()) {
                longest = i;
            }
        }
        String w = words[longest];
        if (w.length() >= 5) {
            int p = 1 + rnd.nextInt(w.length() - 3);
            char[] c = w.toCharArray();
            char t = c[p];
            c[p] = c[p + 1];
            c[p + 1] = t;
            words[longest] = new String(c);
        }
        return String.join(" ", words);
    }

    private static String surname(String author) {
        if (author == null) {
            return null;
        }
        int comma = author.indexOf(',');
        return comma > 0 ? author.substring(0, comma) : author;
    }

    private static String forenameFirst(String author) {
        if (author == null) {
            return null;
        }
        int comma = author.indexOf(',');
        return comma > 0 ? author.substring(comma + 1).replaceAll("[,.]$", "").strip() + " " + author.substring(0, comma) : author;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = RequestMatcherTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    static List<byte[]> split(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == 0x1D) {
                out.add(Arrays.copyOfRange(file, start, i + 1));
                start = i + 1;
            }
        }
        return out;
    }

    static Path write(String name, List<byte[]> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) {
            out.write(r);
        }
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    static List<BibRecord> read(byte[] file) throws IOException {
        List<BibRecord> out = new ArrayList<>();
        Path p = Files.write(Files.createTempFile(dir, "r", ".mrc"), file);
        try (MarcFileReader reader = MarcFileReader.open(p, Normaliser.ofDefaults())) {
            while (reader.hasNext()) {
                ReadResult r = reader.next();
                if (r.record() != null) {
                    out.add(r.record());
                }
            }
        }
        return out;
    }
}
