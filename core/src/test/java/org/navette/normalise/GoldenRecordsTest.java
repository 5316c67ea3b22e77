package org.navette.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;
import org.navette.model.Author;
import org.navette.model.AuthorKind;
import org.navette.model.Availability;
import org.navette.model.BibRecord;
import org.navette.model.Carrier;
import org.navette.model.Holding;
import org.navette.model.IdentifierScheme;
import org.navette.model.Isbn;
import org.navette.model.MaterialType;
import org.navette.model.ProblemKind;
import org.navette.model.RecordFormat;

/**
 * Hand-checked records, each compared field by field with {@code yaz-marcdump} output of the same
 * file: exact values for a MARC21 book, a MARC21 serial, MARC-8 with diacritics, UNIMARC with 995
 * items, CJK (EACC and UTF-8), lying character sets, Koha 952 items and BNCF's non-sorting markers.
 */
class GoldenRecordsTest {
    private static BibRecord record(String file, int position) {
        List<ReadResult> all = Corpus.read(file);
        ReadResult r = all.get(position - 1);
        assertThat(r.position()).isEqualTo(position);
        return r.record();
    }

    @Test
    void aMarc21BookFromTheLibraryOfCongress() {
        BibRecord b = record("1-marc21/marc4j/chabon.mrc", 1);

        assertThat(b.format()).isEqualTo(RecordFormat.MARC21);
        assertThat(b.source().recordId()).isEqualTo("11939876");
        assertThat(b.titleProper()).isEqualTo("The amazing adventures of Kavalier and Clay");
        assertThat(b.titleRemainder()).isEqualTo("a novel");
        assertThat(b.responsibility()).isEqualTo("Michael Chabon");
        assertThat(b.authors()).containsExactly(new Author("Chabon, Michael", AuthorKind.PERSONAL, null, null, true));
        assertThat(b.isbns()).containsExactly(new Isbn("9780679450047", "0679450041", "acid-free paper"));
        assertThat(b.publisher()).isEqualTo("Random House");
        assertThat(b.place()).isEqualTo("New York");
        assertThat(b.year()).isEqualTo(2000);
        assertThat(b.extent()).isEqualTo("639 p.");
        assertThat(b.languages()).containsExactly("eng");
        assertThat(b.materialType()).isEqualTo(MaterialType.BOOK);
        assertThat(b.carrier()).isEqualTo(Carrier.PRINT);
        assertThat(b.subjects()).containsExactly("Comic books, strips, etc. -- Authorship -- Fiction",
                "Heroes in mass media -- Fiction", "Czech Americans -- Fiction", "New York (N.Y.) -- Fiction",
                "Young men -- Fiction", "Cartoonists -- Fiction", "Humorous stories", "Bildungsromane");
        assertThat(b.identifiers(IdentifierScheme.CONTROL_NUMBER)).containsExactly("11939876");
        assertThat(b.characterSet()).isEqualTo("UTF-8");
        assertThat(b.problems()).isEmpty();
    }

    @Test
    void aMarc21SerialWithTwoIssnsAndAnOnlineCopy() {
        BibRecord b = record("1-marc21/evergreen/serials_marc21.xml", 1);

        assertThat(b.title()).isEqualTo("Circulation research");
        assertThat(b.materialType()).isEqualTo(MaterialType.SERIAL);
        assertThat(b.carrier()).isEqualTo(Carrier.ELECTRONIC);
        assertThat(b.issns()).containsExactly("0009-7330", "1524-4571");
        assertThat(b.year()).isEqualTo(1993);
        assertThat(b.place()).isEqualTo("Baltimore, Md.");
        assertThat(b.publisher()).isEqualTo("Grune & Stratton");
        assertThat(b.authors()).extracting(Author::name, Author::kind, Author::primary)
                .containsExactly(tuple("American Heart Association", AuthorKind.CORPORATE, false));
        assertThat(b.subjects()).containsExactly("Cardiovascular System", "Periodicals");
        assertThat(b.identifiers(IdentifierScheme.URL)).singleElement().asString().startsWith("https://normedproxy.lakeheadu.ca/");
    }

    @Test
    void marc8DiacriticsBecomeComposedUnicode() {
        BibRecord b = record("1-marc21/evergreen/lul_fre_100.mrc", 5);

        assertThat(b.characterSet()).isEqualTo("MARC-8");
        assertThat(b.title()).isEqualTo("Dix-huitième siècle : études littéraires");
        assertThat(b.responsibility()).isEqualTo("Émile Faguet");
        assertThat(b.authors()).containsExactly(new Author("Faguet, Émile", AuthorKind.PERSONAL, null, "1847-1916", true));
        assertThat(b.series()).containsExactly("Nouvelle bibliothèque littéraire");
        assertThat(b.subjects()).containsExactly("Littérature française -- 18e siècle -- Histoire et critique");
        assertThat(b.year()).isEqualTo(1890);
        assertThat(b.languages()).containsExactly("fre");
        // NFC: "è" is one code point, not "e" + U+0300
        assertThat(b.titleProper()).contains("\u00e8").doesNotContain("\u0300");
        assertThat(b.problems()).isEmpty();
    }

    @Test
    void theLibraryOfCongressMarc8TestRecordsReadLikeTheirUtf8Twins() {
        List<ReadResult> marc8 = Corpus.read("6-tricky-encodings/marc4j/brkrtest.mrc");
        List<ReadResult> utf8 = Corpus.read("1-marc21/marc4j/brkrtest_UTF8.mrc");

        assertThat(marc8).hasSize(8).allSatisfy(r -> assertThat(r.record().characterSet()).isEqualTo("MARC-8"));
        for (int i = 0; i < marc8.size(); i++) {
            Record m = marc8.get(i).record().marc().orElseThrow().toMarc4j();
            Record u = utf8.get(i).record().marc().orElseThrow().toMarc4j();
            assertThat(fieldsOf(m)).as("record %d", i + 1).isEqualTo(fieldsOf(u));
        }
    }

    private static List<String> fieldsOf(Record r) {
        return r.getVariableFields().stream().map(VariableField::toString).toList();
    }

    @Test
    void unimarcFromSainteGenevieveWithItsItemAndALyingCharacterSet() {
        BibRecord b = record("2-unimarc/medialab-reference_manager/cotesMEL.mrc", 1);

        assertThat(b.format()).isEqualTo(RecordFormat.UNIMARC);
        assertThat(b.titleProper()).isEqualTo("Les Intérêts français en Bohême");
        assertThat(b.titleRemainder()).isEqualTo("à propos du Consulat général de France à Prague, lettre à un député");
        assertThat(b.responsibility()).isEqualTo("Louis Léger");
        assertThat(b.authors()).containsExactly(new Author("Léger, Louis", AuthorKind.PERSONAL, "070", "1843-1923", true));
        assertThat(b.place()).isEqualTo("Paris");
        assertThat(b.publisher()).isEqualTo("impr. de V. Goupy");
        assertThat(b.year()).isEqualTo(1906);
        assertThat(b.extent()).isEqualTo("1 vol. (11 p.)");
        assertThat(b.languages()).containsExactly("fre");
        assertThat(b.identifiers(IdentifierScheme.BNF)).containsExactly("FRBNF30776563");
        assertThat(b.holdings()).containsExactly(new Holding("751072303", "BIB01", "MAG1", "MEL8°071(05)",
                "00000001390392", "L1", Availability.UNKNOWN, null));
        // 100$a/26-29 "0103" says ISO 646 + ISO 5426; the bytes are UTF-8
        assertThat(b.characterSet()).isEqualTo("UTF-8");
        assertThat(b.problems()).extracting(p -> p.kind()).containsExactly(ProblemKind.CHARSET_MISMATCH, ProblemKind.ENCODING);
        assertThat(b.problems().get(1).message()).contains("995$k").contains("MEL8Â°071(05)");
    }

    @Test
    void eaccChineseInMarc8IsDecodedInTheAlternateScriptFields() {
        BibRecord b = record("6-tricky-encodings/marc4j/chinese_mangled_multibyte.mrc", 1);
        Record marc = b.marc().orElseThrow().toMarc4j();

        assertThat(b.characterSet()).isEqualTo("MARC-8");
        assertThat(b.title()).isEqualTo("Che lun gun gun");
        assertThat(b.materialType()).isEqualTo(MaterialType.VIDEO);
        DataField title880 = (DataField) marc.getVariableFields("880").get(0);
        assertThat(title880.getSubfield('a').getData()).isEqualTo("車輪滾滾");
        DataField corporate880 = (DataField) marc.getVariableFields("880").get(11);
        assertThat(corporate880.getSubfield('a').getData()).isEqualTo("长春电影制片厂.");
        // the file's name says it: some multibyte characters are broken, and each is reported
        assertThat(b.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.kind()).isEqualTo(ProblemKind.ENCODING));
    }

    @Test
    void japaneseInUtf8AlternateScriptFields() {
        BibRecord b = record("1-marc21/openlibrary/880_Nihon_no_chasho.mrc", 1);

        assertThat(b.title()).isEqualTo("Nihon no chasho");
        assertThat(b.publisher()).isEqualTo("Heibonsha");
        assertThat(b.place()).isEqualTo("Tōkyō");
        assertThat(b.year()).isEqualTo(1971);
        assertThat(b.languages()).containsExactly("jpn");
        assertThat(b.series()).containsExactly("Tōyō bunko ; 201, 206");
        assertThat(b.identifiers(IdentifierScheme.OCLC)).containsExactly("502869803");
        DataField title880 = (DataField) b.marc().orElseThrow().toMarc4j().getVariableFields("880").get(0);
        assertThat(title880.getSubfield('a').getData()).isEqualTo("日本 の 茶書 /");
        assertThat(b.problems()).isEmpty();
    }

    @Test
    void chineseUnimarcInUtf8() {
        BibRecord b = record("1-marc21/marc4j/pride-and-prejudice-fixed.mrc", 312);

        assertThat(b.format()).isEqualTo(RecordFormat.UNIMARC);
        assertThat(b.titleProper()).isEqualTo("傲慢與偏見");
        assertThat(b.responsibility()).isEqualTo("簡.奧斯丁著 ; 張玲,張揚譯");
        assertThat(b.publisher()).isEqualTo("人民文學出版社");
        assertThat(b.place()).isEqualTo("北京");
        assertThat(b.year()).isEqualTo(1993);
        assertThat(b.edition()).isEqualTo("第1版");
        assertThat(b.authors()).extracting(Author::name, Author::role, Author::primary)
                .containsExactly(tuple("奧斯丁", "著", true), tuple("張, 揚", "譯", false), tuple("張, 玲", "譯", false));
        assertThat(b.isbns()).extracting(Isbn::isbn10).containsExactly("7020016332");
    }

    @Test
    void aRecordDeclaringMarc8ButWrittenInUtf8IsReadAsUtf8() {
        BibRecord b = record("6-tricky-encodings/evergreen/FSL.marc", 1);

        assertThat(b.characterSet()).isEqualTo("UTF-8");
        assertThat(b.problems()).extracting(p -> p.kind()).containsExactly(ProblemKind.CHARSET_MISMATCH);
        assertThat(b.problems().get(0).message()).contains("leader/09 declares MARC-8").contains("UTF-8");
        assertThat(b.titleProper()).isEqualTo("Люди с чистой совестью");
        assertThat(b.titleRemainder()).isEqualTo("[Воспоминания]");
        assertThat(b.authors().get(0)).isEqualTo(new Author("Вершигора, Петр Петрович", AuthorKind.PERSONAL, null, null, true));
        assertThat(b.place()).isEqualTo("Москва");
        assertThat(b.publisher()).isEqualTo("Правда");
        assertThat(b.year()).isEqualTo(1989);
        assertThat(b.languages()).containsExactly("rus");
    }

    @Test
    void bncfNonSortingMarkersAreStrippedFromDisplayButKeptInTheMarcRecord() {
        BibRecord b = record("2-unimarc/bncf-unimarcxml/bncf_data.mrc", 1);

        assertThat(b.titleProper()).isEqualTo("Lo Stato innovatore");
        assertThat(b.titleRemainder()).isEqualTo("sfatare il mito del pubblico contro il privato");
        assertThat(b.responsibility()).isEqualTo("Mariana Mazzucato ; traduzione di Fabio Galimberti");
        assertThat(b.authors()).containsExactly(
                new Author("Mazzucato, Mariana", AuthorKind.PERSONAL, null, null, true),
                new Author("Galimberti, Fabio", AuthorKind.PERSONAL, null, "1972-", false));
        assertThat(b.isbns()).extracting(Isbn::isbn13).containsExactly("9788858111703");
        assertThat(b.place()).isEqualTo("Roma");
        assertThat(b.publisher()).isEqualTo("GLF editori Laterza");
        assertThat(b.year()).isEqualTo(2014);
        assertThat(b.series()).containsExactly("Anticorpi ; 43");
        assertThat(b.subjects()).containsExactly("Innovazione tecnologica -- Interventi statali");
        assertThat(b.languages()).containsExactly("ita");
        DataField title = (DataField) b.marc().orElseThrow().toMarc4j().getVariableField("200");
        assertThat(title.getSubfield('a').getData()).isEqualTo("\u0098Lo \u009cStato innovatore");
        assertThat(b.problems()).isEmpty();
    }

    @Test
    void theSameBncfRecordInUnimarcSlimXmlGivesTheSameValues() {
        BibRecord iso = record("2-unimarc/bncf-unimarcxml/bncf_data.mrc", 1);
        BibRecord xml = record("2-unimarc/bncf-unimarcxml/unimarctest.xml", 1);

        assertThat(xml.format()).isEqualTo(RecordFormat.UNIMARC);
        assertThat(xml.title()).isEqualTo(iso.title());
        assertThat(xml.authors()).isEqualTo(iso.authors());
        assertThat(xml.isbns()).isEqualTo(iso.isbns());
        assertThat(xml.year()).isEqualTo(iso.year());
    }

    @Test
    void kohaItemsIn952BecomeHoldingsWithTheirStatus() {
        BibRecord base = record("1-marc21/koha-misc4dev/koha_sandbox_marc21_biblios.xml", 1);
        Record marc = base.marc().orElseThrow().toMarc4j();
        // the shared data holds no exported Koha items (modern Koha keeps them out of the biblio
        // MARCXML), so these follow Koha's documented 952 layout on the real sandbox record
        marc.addVariableField(field952("a", "CPL", "b", "CPL", "c", "GEN", "o", "782.42166 HEY", "p", "39999000001234", "y", "BK", "7", "0"));
        marc.addVariableField(field952("a", "MPL", "b", "CPL", "o", "782.42166 HEY", "p", "39999000005678", "q", "2024-02-01"));
        marc.addVariableField(field952("a", "FFL", "p", "39999000000999", "1", "1"));
        marc.addVariableField(field952("a", "CPL", "p", "39999000000777", "7", "1", "z", "Reference only"));

        BibRecord b = Normaliser.ofDefaults().normalise(marc, base.source(), RecordFormat.MARC21).record();

        assertThat(b.title()).isEqualTo("E Street shuffle : the glory days of Bruce Springsteen & the E Street Band");
        assertThat(b.holdings()).containsExactly(
                new Holding("CPL", "CPL", "GEN", "782.42166 HEY", "39999000001234", null, Availability.AVAILABLE, null),
                new Holding("MPL", "CPL", null, "782.42166 HEY", "39999000005678", "onloan=2024-02-01", Availability.ON_LOAN, null),
                new Holding("FFL", null, null, null, "39999000000999", "itemlost=1", Availability.UNAVAILABLE, null),
                new Holding("CPL", null, null, null, "39999000000777", "notforloan=1", Availability.NOT_FOR_LOAN, "Reference only"));
    }

    private static DataField field952(String... codesAndValues) {
        DataField f = org.marc4j.marc.MarcFactory.newInstance().newDataField("952", ' ', ' ');
        for (int i = 0; i < codesAndValues.length; i += 2) {
            f.addSubfield(org.marc4j.marc.MarcFactory.newInstance().newSubfield(codesAndValues[i].charAt(0), codesAndValues[i + 1]));
        }
        return f;
    }

    @Test
    void aDoiBehindAProxyUrlIsRecognised() {
        BibRecord b = record("1-marc21/evergreen/oss.marc", 1);

        assertThat(b.identifiers(IdentifierScheme.DOI)).containsExactly("10.1007/978-0-387-68574-8");
        assertThat(b.identifiers(IdentifierScheme.URL)).hasSize(2);
        assertThat(b.carrier()).isEqualTo(Carrier.ELECTRONIC);
    }

    @Test
    void utf8EncodedTwiceIsRepairedAndReported() {
        BibRecord b = record("6-tricky-encodings/recordmanager/marc-broken.xml", 1);

        assertThat(b.titleProper()).isEqualTo("Metsätalous kaavoitusalueilla");
        assertThat(b.subjects()).contains("metsänhoito", "maankäytön suunnittelu");
        assertThat(b.problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.ENCODING);
            assertThat(p.message()).contains("UTF-8 encoded twice");
        });
    }
}
