package org.navette.match;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.navette.match.internal.Extent;
import org.navette.match.internal.NameKey;
import org.navette.match.internal.Similarity;
import org.navette.model.Carrier;
import org.navette.model.IdentifierScheme;
import org.navette.model.MaterialType;

/**
 * Weighs the evidence that two records describe the same manifestation, Fellegi-Sunter style:
 * each comparison adds its log2 likelihood ratio (bits), roughly log2(P(observation | same) /
 * P(observation | different)) among records that share a blocking key. The weights below are
 * estimates from cataloguing practice, not fitted to a fixture: an ISBN shared by two different
 * books is very rare (+10), two records of one book with disjoint ISBN sets are common enough
 * (hardback vs paperback: -2.5), and so on. Vetoes mark pairs that cannot be one manifestation
 * whatever else agrees.
 *
 * <p>The posterior is {@code 1 / (1 + 2^-(evidence + PRIOR))}.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
final class PairScorer {
    /**
     * log2 prior odds of a match among blocked candidate pairs: about 1 in 128, as in a union
     * catalogue where a title key brings together many editions, translations and namesakes.
     */
    static final double PRIOR = -7.0;
    /**
     * Prior log-odds of a citation and one of its candidates: a request's key lookup yields a few
     * works, one of which it was written for (1 in 16 is a conservative guess at that base rate).
     */
    static final double CITATION_PRIOR = -4.0;
    /** Identifier agreement is capped: ISBN and OCLC number agreeing are not independent evidence. */
    private static final double MAX_IDENTIFIER_EVIDENCE = 14.0;
    /** What a shared identifier of a scheme is worth; schemes not listed here are worth {@link #ID_AGREEMENT}. */
    private static final Map<IdentifierScheme, Double> ID_AGREEMENT_BY_SCHEME = new EnumMap<>(Map.of(
            // a 024 number is sometimes a publisher's series or product code shared by several items
            IdentifierScheme.OTHER_STANDARD_NUMBER, 6.0));
    private static final double ID_AGREEMENT = 10.0;
    /**
     * What disjoint identifiers of one scheme cost; a scheme not listed costs nothing (system numbers:
     * one catalogue may hold two records of one book).
     */
    private static final Map<IdentifierScheme, Double> ID_DISAGREEMENT = new EnumMap<>(Map.of(
            IdentifierScheme.OCLC, -3.0, IdentifierScheme.LCCN, -3.0, IdentifierScheme.DOI, -5.0,
            IdentifierScheme.BNF, -3.0, IdentifierScheme.SUDOC, -3.0, IdentifierScheme.DNB, -3.0,
            IdentifierScheme.ZDB, -3.0, IdentifierScheme.ISMN, -2.5, IdentifierScheme.OTHER_STANDARD_NUMBER, -1.5));

    private final MatchSettings settings;

    PairScorer(MatchSettings settings) {
        this.settings = settings;
    }

    /** Collects rules; with {@code explaining} false it only sums, to keep clustering allocation-light. */
    static final class Tally {
        final boolean explaining;
        final List<MatchRule> rules;
        double evidence;
        boolean vetoed;
        /** Set by the author rule: the records share a person or body (read by the title rule). */
        boolean authorsAgree;

        Tally(boolean explaining) {
            this.explaining = explaining;
            this.rules = explaining ? new ArrayList<>() : null;
        }

        void add(String name, double weight, String detail) {
            evidence += weight;
            if (explaining) {
                rules.add(new MatchRule(name, weight >= 0 ? MatchRule.Effect.FOR : MatchRule.Effect.AGAINST, weight, detail));
            }
        }

        void veto(String name, String detail) {
            vetoed = true;
            if (explaining) {
                rules.add(new MatchRule(name, MatchRule.Effect.VETO, 0.0, detail));
            }
        }
    }

    MatchExplanation explain(MatchKeys a, MatchKeys b) {
        Tally t = new Tally(true);
        weigh(a, b, t);
        double score = posterior(t.evidence, prior());
        MatchDecision d = t.vetoed ? MatchDecision.VETOED
                : score >= settings.threshold() ? MatchDecision.MATCH : MatchDecision.NO_MATCH;
        return new MatchExplanation(a, b, t.rules, t.evidence, score, settings.threshold(), d);
    }

    /** The decision without an explanation: what clustering calls millions of times. */
    MatchDecision decide(MatchKeys a, MatchKeys b) {
        if (vetoedCheaply(a, b)) {
            return MatchDecision.VETOED;
        }
        Tally t = new Tally(false);
        weigh(a, b, t);
        if (t.vetoed) {
            return MatchDecision.VETOED;
        }
        return posterior(t.evidence, prior()) >= settings.threshold() ? MatchDecision.MATCH : MatchDecision.NO_MATCH;
    }

    /** The summed evidence, or negative infinity when a veto fired. */
    double evidence(MatchKeys a, MatchKeys b) {
        if (vetoedCheaply(a, b)) {
            return Double.NEGATIVE_INFINITY;
        }
        Tally t = new Tally(false);
        weigh(a, b, t);
        return t.vetoed ? Double.NEGATIVE_INFINITY : t.evidence;
    }

    /** True when {@code evidence} (from {@link #evidence}) reaches the threshold. */
    boolean reaches(double evidence) {
        return evidence != Double.NEGATIVE_INFINITY && posterior(evidence, prior()) >= settings.threshold();
    }

    /** Posterior probability for evidence in bits. */
    static double posterior(double evidence) {
        return posterior(evidence, PRIOR);
    }

    static double posterior(double evidence, double prior) {
        return 1.0 / (1.0 + Math.pow(2.0, -(evidence + prior)));
    }

    private double prior() {
        return settings.citationMode() ? CITATION_PRIOR : PRIOR;
    }

    /**
     * Whether a rule that can veto does so. These rules are cheap and the title and author
     * comparisons are not, while most candidate pairs of a large block (another volume, edition or
     * year of the same title) end in a veto: clustering asks this first. The full weighing repeats
     * them, so its sum and its explanation do not depend on this shortcut.
     */
    private boolean vetoedCheaply(MatchKeys a, MatchKeys b) {
        Tally t = new Tally(false);
        vetoes(a, b, t);
        year(a, b, t);
        extent(a, b, t);
        edition(a, b, t);
        part(a, b, t);
        return t.vetoed;
    }

    void weigh(MatchKeys a, MatchKeys b, Tally t) {
        vetoes(a, b, t);
        identifiers(a, b, t);
        authors(a, b, t);
        title(a, b, t);
        year(a, b, t);
        extent(a, b, t);
        edition(a, b, t);
        part(a, b, t);
        publisher(a, b, t);
        container(a, b, t);
        language(a, b, t);
        everyFieldAgrees(a, b, t);
    }

    /**
     * Two records without author or identifier whose title, year, publisher and pagination all agree
     * exactly are one edition catalogued twice: each agreement alone is weak ("Annual report"), but
     * all four at once by chance are not, and nothing else is left to tell them apart.
     */
    private static void everyFieldAgrees(MatchKeys a, MatchKeys b, Tally t) {
        if (!a.authors.isEmpty() || !b.authors.isEmpty() || a.fullTokens.isEmpty() || a.year == null
                || a.publisherTokens.isEmpty() || a.extent.isEmpty()) {
            return;
        }
        if (a.fullTokens.equals(b.fullTokens) && a.year.equals(b.year) && a.publisherTokens.equals(b.publisherTokens)
                && a.extent.equals(b.extent) && a.editionNumber == b.editionNumber
                && java.util.Objects.equals(a.partNumber, b.partNumber)) {
            t.add("every-field", 4.0, t.explaining ? "title, year, publisher and extent identical" : null);
        }
    }

    private void vetoes(MatchKeys a, MatchKeys b, Tally t) {
        MaterialType ma = a.materialType();
        MaterialType mb = b.materialType();
        if (ma != MaterialType.OTHER && mb != MaterialType.OTHER && ma != mb) {
            t.veto("material-type", t.explaining ? ma + " vs " + mb : null);
        }
        Carrier ca = a.carrier();
        Carrier cb = b.carrier();
        if (ca != Carrier.UNKNOWN && cb != Carrier.UNKNOWN && ca != cb) {
            boolean printElectronic = (ca == Carrier.PRINT && cb == Carrier.ELECTRONIC)
                    || (ca == Carrier.ELECTRONIC && cb == Carrier.PRINT);
            if (!(printElectronic && settings.allowPrintElectronicMerge())) {
                t.veto("carrier", t.explaining ? ca + " vs " + cb : null);
            }
        }
        int na = noticePrefix(a.fullTokens);
        int nb = noticePrefix(b.fullTokens);
        if ((na > 0) != (nb > 0)) {
            // "Erratum: <title>" shares its article's authors, year, journal and whole title, and is
            // another item: so are a correction, a retraction notice, an addendum, a reply or a comment
            List<String> notice = na > 0 ? a.fullTokens.subList(na, a.fullTokens.size()) : b.fullTokens.subList(nb, b.fullTokens.size());
            List<String> other = na > 0 ? b.fullTokens : a.fullTokens;
            if (!notice.isEmpty() && Similarity.weightedDice(notice, other) >= 0.85) {
                t.veto("notice", t.explaining ? "\"" + String.join(" ", (na > 0 ? a : b).fullTokens.subList(0, Math.max(na, nb)))
                        + "\": a notice about the other record's item" : null);
            }
        }
    }

    /** Words that open the title of a notice about another item ("Erratum", "Reply to", "Retraction note"). */
    private static final Set<String> NOTICE_WORDS = Set.of("erratum", "errata", "corrigendum", "corrigenda", "correction",
            "corrections", "retraction", "addendum", "reply", "response", "comment", "comments", "commentary",
            "rectificatif", "berichtigung", "expression");
    /** Words that may follow a notice word before the title it is about. */
    private static final Set<String> NOTICE_LINKS = Set.of("to", "on", "of", "for", "note", "notice", "re", "concern",
            "the", "article", "paper", "a", "an", "in", "au", "zu", "zum", "zur", "de", "du", "l");

    /**
     * How many title words a notice prefix takes ("correction to" is 2), or 0 when the title is not
     * a notice's. "Expression of concern" counts only whole; "author's reply" and "authors' reply"
     * start with the author word.
     */
    static int noticePrefix(List<String> tokens) {
        int i = 0;
        if (tokens.size() > 2 && (tokens.get(0).equals("author") || tokens.get(0).equals("authors"))) {
            i = tokens.get(1).equals("s") ? 2 : 1;
        }
        if (i >= tokens.size() || !NOTICE_WORDS.contains(tokens.get(i))) {
            return 0;
        }
        if (tokens.get(i).equals("expression") && !(tokens.size() > i + 2 && tokens.get(i + 2).equals("concern"))) {
            return 0;
        }
        i++;
        while (i < tokens.size() - 1 && NOTICE_LINKS.contains(tokens.get(i))) {
            i++;
        }
        return i;
    }

    private void identifiers(MatchKeys a, MatchKeys b, Tally t) {
        if (a.record.source().equals(b.record.source())) {
            // one origin, one record id: the same record, delivered twice
            t.add("same-record", 20.0, a.record.source().toString());
            return;
        }
        double positive = 0;
        // ISBN
        if (!a.isbns.isEmpty() && !b.isbns.isEmpty()) {
            String shared = null;
            boolean onlySet = true;
            for (String i : a.isbns) {
                if (b.isbns.contains(i)) {
                    shared = shared == null ? i : shared;
                    if (!a.setIsbns.contains(i) && !b.setIsbns.contains(i)) {
                        onlySet = false;
                        shared = i;
                    }
                }
            }
            if (shared != null) {
                double w = onlySet ? 3.0 : 10.0;
                positive += w;
                t.add(onlySet ? "isbn-of-set" : "isbn", w, shared);
            } else {
                t.add("isbn", -2.5, t.explaining ? "no shared ISBN: " + a.isbns + " vs " + b.isbns : null);
            }
        }
        // ISSN: the serial's own identity, or merely the journal an article appeared in
        if (!a.issns.isEmpty() && !b.issns.isEmpty()) {
            boolean serial = a.materialType() == MaterialType.SERIAL && b.materialType() == MaterialType.SERIAL;
            boolean article = a.materialType() == MaterialType.ARTICLE || b.materialType() == MaterialType.ARTICLE;
            String shared = firstShared(a.issns, b.issns);
            if (shared != null) {
                double w = serial ? 10.0 : 1.0;
                positive += w;
                t.add(serial ? "issn" : "issn-of-container", w, shared);
            } else if (serial || article) {
                t.add(serial ? "issn" : "issn-of-container", serial ? -4.0 : -3.0,
                        t.explaining ? a.issns + " vs " + b.issns : null);
            }
        }
        // other identifiers, scheme by scheme
        for (Map.Entry<IdentifierKey, Set<String>> e : a.ids.entrySet()) {
            Set<String> other = b.ids.get(e.getKey());
            if (other == null) {
                continue;
            }
            String shared = null;
            for (String v : e.getValue()) {
                if (other.contains(v)) {
                    shared = v;
                    break;
                }
            }
            String name = ruleName(e.getKey());
            if (shared != null) {
                double w = ID_AGREEMENT_BY_SCHEME.getOrDefault(e.getKey().scheme(), ID_AGREEMENT);
                positive += w;
                t.add(name, w, shared);
            } else {
                Double w = ID_DISAGREEMENT.get(e.getKey().scheme());
                if (w != null) {
                    t.add(name, w, t.explaining ? e.getValue() + " vs " + other : null);
                }
            }
        }
        if (positive > MAX_IDENTIFIER_EVIDENCE) {
            t.add("identifiers-overlap", MAX_IDENTIFIER_EVIDENCE - positive,
                    "agreeing identifiers are not independent: evidence capped at " + MAX_IDENTIFIER_EVIDENCE);
        }
    }

    private static String ruleName(IdentifierKey key) {
        String scheme = key.scheme().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return key.qualifier().isEmpty() ? scheme : scheme + " " + key.qualifier();
    }

    private static String firstShared(List<String> a, List<String> b) {
        for (String s : a) {
            if (b.contains(s)) {
                return s;
            }
        }
        return null;
    }

    private void title(MatchKeys a, MatchKeys b, Tally t) {
        if (a.fullTokens.isEmpty() || b.fullTokens.isEmpty()) {
            return;
        }
        double full = Similarity.weightedDice(a.fullTokens, b.fullTokens);
        double proper = a.hasRemainder || b.hasRemainder || a.properTokens.size() != a.fullTokens.size()
                || b.properTokens.size() != b.fullTokens.size()
                ? Similarity.weightedDice(a.properTokens, b.properTokens) : full;
        double s;
        double agree;
        if (a.hasRemainder && b.hasRemainder) {
            // both give a subtitle: it counts, but a differing subtitle is often just cataloguing
            s = Math.max(full, 0.88 * proper);
            agree = Math.min(titleAgreementWeight(a.fullTokens), titleAgreementWeight(b.fullTokens));
        } else {
            // one record omits the subtitle, or the title proper runs on into it: "Adolf Hitler" for
            // "Adolf Hitler : životopis Führera" is a dropped subtitle, but "Book review" for a
            // fifteen-word title is a generic heading that happens to start it
            List<String> shorter = a.fullTokens.size() <= b.fullTokens.size() ? a.fullTokens : b.fullTokens;
            List<String> longer = shorter == a.fullTokens ? b.fullTokens : a.fullTokens;
            double prefix = Similarity.weightedContainment(shorter, longer.subList(0, shorter.size()));
            if (a.fullTokens.size() == b.fullTokens.size()) {
                // which side is "shorter" is arbitrary then: take both, so the rule stays symmetric
                prefix = Math.max(prefix, Similarity.weightedContainment(longer, shorter));
            }
            double coverage = (double) shorter.size() / longer.size();
            double partial = Math.max(proper, prefix) * (0.8 + 0.12 * Math.min(1.0, coverage / 0.4));
            if (t.authorsAgree && a.year != null && a.year.equals(b.year)) {
                // by the same people in the same year, the shorter title whole at the head of the
                // longer is a dropped subtitle, and whole at its tail a dropped corporate or series
                // prefix ("Acme DataStore"): weighed as the shorter title agreeing, so a one-word
                // generic title still needs more than this
                double suffix = Similarity.weightedContainment(shorter,
                        longer.subList(longer.size() - shorter.size(), longer.size()));
                if (prefix >= 0.99 || suffix >= 0.99 && longer.size() - shorter.size() <= 2) {
                    partial = Math.max(prefix, suffix);
                }
            }
            s = Math.max(full, coverage == 1.0 ? Math.max(proper, prefix) : partial);
            agree = a.fullTokens.size() == b.fullTokens.size()
                    ? Math.min(titleAgreementWeight(a.fullTokens), titleAgreementWeight(b.fullTokens))
                    : titleAgreementWeight(shorter);
        }
        double w;
        if (s >= 0.95) {
            w = agree;
        } else if (s >= 0.85) {
            w = lerp(s, 0.85, 0.95, 0.4 * agree, agree);
        } else if (s >= 0.7) {
            w = lerp(s, 0.7, 0.85, -3.0, 0.4 * agree);
        } else if (s >= 0.5) {
            w = lerp(s, 0.5, 0.7, -6.0, -3.0);
        } else {
            w = lerp(s, 0.0, 0.5, -10.0, -6.0);
        }
        t.add("title", w, t.explaining ? String.format(Locale.ROOT, "similarity %.2f", s) : null);
        if (!a.titleNumbers.isEmpty() && !b.titleNumbers.isEmpty() && disjoint(a.titleNumbers, b.titleNumbers)) {
            t.add("title-numbers", -6.0, t.explaining ? a.titleNumbers + " vs " + b.titleNumbers : null);
        }
    }

    /**
     * What agreeing titles are worth: a long title shared by chance is rare, "Poems" is not. Words
     * of three letters or fewer count half.
     */
    private static double titleAgreementWeight(List<String> tokens) {
        double info = 0;
        for (String tok : tokens) {
            info += tok.length() >= 4 ? 1.0 : 0.5;
        }
        return Math.max(3.0, Math.min(8.0, 2.0 + 1.5 * info));
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return false;
            }
        }
        return true;
    }

    private static double lerp(double x, double x0, double x1, double y0, double y1) {
        return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    }

    private void authors(MatchKeys a, MatchKeys b, Tally t) {
        if (!a.authors.isEmpty() && !b.authors.isEmpty()) {
            double best = 0;
            String pair = null;
            // the main entry of either record should be among the other's names
            for (NameKey x : List.of(a.authors.get(0), b.authors.get(0))) {
                List<NameKey> others = x == a.authors.get(0) ? b.authors : a.authors;
                for (NameKey y : others) {
                    double s = nameAgreement(x, y);
                    if (s > best) {
                        best = s;
                        pair = t.explaining ? x.key() + " ~ " + y.key() : null;
                    }
                }
            }
            t.authorsAgree = best >= 1.0;
            String coAuthor = best > 0 ? null : sharedCoAuthor(a.authors, b.authors);
            if (best >= 1.0) {
                t.add("author", 4.0, pair);
                // both directions: a year missing on either side does not stand against it, and two
                // names of one list agreeing with a single name of the other are not two in common
                if (a.authors.size() >= 2 && b.authors.size() >= 2
                        && (a.year == null || b.year == null || a.year.equals(b.year))
                        && Math.min(sharedNames(a.authors, b.authors), sharedNames(b.authors, a.authors)) >= 2) {
                    // a second person in common, whatever the order: two works by one team in one year
                    // are rarer than by one person (across years a team revises and extends its papers,
                    // so there it tells nothing more)
                    t.add("co-authors", 2.0, null);
                }
            } else if (best > 0) {
                t.add("author", 2.0, pair + " (initials differ)");
            } else if (coAuthor != null) {
                // the main entries differ but a co-author is shared: author order differs between
                // sources, or one kept only the first names of a long list
                t.authorsAgree = true;
                t.add("author", 2.0, coAuthor + " (a co-author in common)");
            } else {
                t.add("author", -4.5, t.explaining ? a.authors.get(0).key() + " vs " + b.authors.get(0).key() : null);
            }
        } else if (!a.authors.isEmpty() || !b.authors.isEmpty()) {
            // one record has a heading, the other only a statement of responsibility ("Karol Grünberg ; ...")
            MatchKeys withName = a.authors.isEmpty() ? b : a;
            MatchKeys other = withName == a ? b : a;
            if (!other.responsibilityTokens.isEmpty()) {
                NameKey main = withName.authors.get(0);
                if (Similarity.sharedWords(main.surname(), other.responsibilityTokens) > 0) {
                    t.add("author", 2.5, t.explaining ? main.surnameKey() + " in statement of responsibility" : null);
                }
            }
        }
    }

    /** Names compared beyond the main entries: a long author list adds little after its head. */
    private static final int MAX_COMPARED_NAMES = 12;

    /** The first name both lists share (after the main entries found nothing), or null. */
    private static String sharedCoAuthor(List<NameKey> a, List<NameKey> b) {
        if (a.size() < 2 && b.size() < 2) {
            return null;
        }
        for (int i = 0; i < Math.min(a.size(), MAX_COMPARED_NAMES); i++) {
            for (int j = 0; j < Math.min(b.size(), MAX_COMPARED_NAMES); j++) {
                if (nameAgreement(a.get(i), b.get(j)) >= 1.0) {
                    return a.get(i).key() + " ~ " + b.get(j).key();
                }
            }
        }
        return null;
    }

    /** How many of the first names of {@code a} are among the first names of {@code b}. */
    private static int sharedNames(List<NameKey> a, List<NameKey> b) {
        int shared = 0;
        for (int i = 0; i < Math.min(a.size(), MAX_COMPARED_NAMES); i++) {
            for (int j = 0; j < Math.min(b.size(), MAX_COMPARED_NAMES); j++) {
                if (nameAgreement(a.get(i), b.get(j)) >= 1.0) {
                    shared++;
                    break;
                }
            }
        }
        return shared;
    }

    /** 1.0 same person/body, 0.5 same surname but conflicting initials, 0 different. */
    private static double nameAgreement(NameKey x, NameKey y) {
        if (x.personal() != y.personal()) {
            return 0;
        }
        if (!x.personal()) {
            if (Similarity.dice(x.surname(), y.surname()) >= 0.6) {
                return 1.0;
            }
            // "Washington (State)" for "Washington (State). State Board for Community College Education":
            // one catalogue gave only the parent body
            return x.surname().size() >= 2 && y.surname().size() >= 2
                    && Similarity.containment(x.surname(), y.surname()) >= 0.99 ? 0.5 : 0;
        }
        if (Similarity.sharedWords(x.surname(), y.surname()) == 0) {
            // when a name's order is a guess, its surname may be any of its words
            boolean reordered = (!x.ordered() && Similarity.sharedWords(y.surname(), x.words()) > 0)
                    || (!y.ordered() && Similarity.sharedWords(x.surname(), y.words()) > 0);
            return reordered ? 1.0 : 0;
        }
        if (x.ordered() && y.ordered() && !x.initials().isEmpty() && !y.initials().isEmpty() && x.initials().charAt(0) != y.initials().charAt(0)
                && x.initials().indexOf(y.initials().charAt(0)) < 0 && y.initials().indexOf(x.initials().charAt(0)) < 0) {
            return 0.5;
        }
        return 1.0;
    }

    private void year(MatchKeys a, MatchKeys b, Tally t) {
        if (a.year == null || b.year == null) {
            return;
        }
        int d = Math.abs(a.year - b.year);
        String detail = t.explaining ? a.year + " vs " + b.year : null;
        // a book's printing and copyright years often differ by one; an article's year rarely does
        boolean component = a.materialType() == MaterialType.ARTICLE || b.materialType() == MaterialType.ARTICLE;
        if (settings.citationMode() && d > settings.maxYearGap()) {
            t.add("year", -5.0, detail);  // a citation's year is often wrong: strong evidence, not proof
        } else if (d > settings.maxYearGap()) {
            t.veto("year", detail);
        } else if (d == 0) {
            t.add("year", 1.5, detail);
        } else if (d == 1 && onlineFirstPagination(a, b)) {
            t.add("year", -1.0, t.explaining ? detail + " (online first, then in an issue)" : null);
        } else if (d == 1) {
            t.add("year", component ? -4.0 : -1.5, detail);
        } else {
            t.add("year", component ? -6.0 : -3.0, detail);
        }
    }

    private void extent(MatchKeys a, MatchKeys b, Tally t) {
        Extent x = a.extent;
        Extent y = b.extent;
        if (x.pages() > 0 && y.pages() > 0) {
            int d = Math.abs(x.pages() - y.pages());
            double rel = (double) d / Math.max(x.pages(), y.pages());
            String detail = t.explaining ? x.pages() + " vs " + y.pages() + " pages" : null;
            if (d <= 2 || rel <= 0.02) {
                t.add("pagination", 2.0, detail);
            } else if (d <= 10 || rel <= 0.1) {
                t.add("pagination", 0.5, detail);
            } else if (d > 20 && rel > 0.25) {
                t.veto("pagination", detail);
            } else {
                t.add("pagination", -3.0, detail);
            }
        }
        if (x.volumes() > 0 && y.volumes() > 0 && x.volumes() != y.volumes()) {
            t.veto("pagination", t.explaining ? x.volumes() + " vs " + y.volumes() + " volumes" : null);
        } else if ((x.volumes() > 0) != (y.volumes() > 0) && (x.pages() > 0 || y.pages() > 0)) {
            t.add("pagination", -3.0, "a set of volumes vs a single volume");
        }
        if (x.rangeStart() > 0 && y.rangeStart() > 0) {
            String detail = t.explaining ? x.rangeStart() + "-" + x.rangeEnd() + " vs " + y.rangeStart() + "-" + y.rangeEnd() : null;
            if (x.rangeStart() == y.rangeStart()) {
                t.add("pages", 4.0, detail);
            } else if (onlineFirstPagination(a, b)) {
                t.add("pages", 0.0, t.explaining ? detail + " (same length, one numbered from 1: online first)" : null);
            } else if (a.materialType() == MaterialType.ARTICLE && b.materialType() == MaterialType.ARTICLE
                    && (Math.max(x.rangeEnd(), x.rangeStart()) < y.rangeStart()
                    || Math.max(y.rangeEnd(), y.rangeStart()) < x.rangeStart())) {
                // two articles on pages that do not even overlap: another piece under the same heading
                // ("Letters to the editor" in every issue), unless a source is plain wrong
                t.add("pages", -6.0, detail);
            } else {
                t.add("pages", -3.0, detail);
            }
        }
    }

    /**
     * Whether two articles' page ranges look like one article's online-first and issue versions: a
     * journal numbers an article published ahead of print from page 1 and gives it its issue pages
     * (often the next year) later, so the ranges have the same length and one starts at 1. Four
     * pages at least: a one- or two-page item starting an issue ("Editorial", pages 1-2) is common,
     * a research article's exact length by chance is not.
     */
    private static boolean onlineFirstPagination(MatchKeys a, MatchKeys b) {
        Extent x = a.extent;
        Extent y = b.extent;
        if (a.materialType() != MaterialType.ARTICLE || b.materialType() != MaterialType.ARTICLE
                || x.rangeStart() <= 0 || y.rangeStart() <= 0 || x.rangeEnd() <= x.rangeStart() || y.rangeEnd() <= y.rangeStart()
                || Math.min(x.rangeStart(), y.rangeStart()) != 1 || Math.max(x.rangeStart(), y.rangeStart()) == 1) {
            return false;
        }
        int lengthX = x.rangeEnd() - x.rangeStart();
        int lengthY = y.rangeEnd() - y.rangeStart();
        return Math.min(lengthX, lengthY) >= 3 && Math.abs(lengthX - lengthY) <= 1;
    }

    private void edition(MatchKeys a, MatchKeys b, Tally t) {
        int x = a.editionNumber;
        int y = b.editionNumber;
        if (x > 0 && y > 0) {
            if (x != y) {
                t.veto("edition", x + " vs " + y);
            } else {
                t.add("edition", x >= 2 ? 2.0 : 0.5, t.explaining ? "edition " + x : null);
            }
        } else if (Math.max(x, y) >= 2 && !(settings.citationMode() && x == 0)) {
            // a second or later edition is always stated in a record (a citation often leaves it out);
            // its absence usually means the first
            t.add("edition", -4.5, t.explaining ? "only one record states edition " + Math.max(x, y) : null);
        }
    }

    private void part(MatchKeys a, MatchKeys b, Tally t) {
        String x = a.partNumber;
        String y = b.partNumber;
        if (x != null && y != null) {
            if (!x.equals(y)) {
                t.veto("part-number", x + " vs " + y);
            } else {
                t.add("part-number", 1.0, x);
            }
        } else if (settings.citationMode() && x == null && y != null) {
            // a citation without a part may mean any volume of the set: weak evidence against
            t.add("part-number", -2.0, t.explaining ? "the citation names no part, the record is part " + y : null);
        } else if (x != null || y != null) {
            // a volume and the whole set (or the work) are different items; catalogues transcribe part numbers
            t.add("part-number", -5.5, t.explaining ? "only one record is part " + (x != null ? x : y) : null);
        }
    }

    private void publisher(MatchKeys a, MatchKeys b, Tally t) {
        if (a.publisherTokens.isEmpty() || b.publisherTokens.isEmpty()) {
            return;
        }
        double s = Similarity.containment(a.publisherTokens, b.publisherTokens);
        String detail = t.explaining ? a.publisherKey() + " vs " + b.publisherKey() : null;
        if (s >= 0.5) {
            t.add("publisher", 1.0, detail);
        } else if (s == 0) {
            t.add("publisher", -1.0, detail);
        }
    }

    /** For articles, the journal or proceedings they appeared in is part of their identity. */
    private void container(MatchKeys a, MatchKeys b, Tally t) {
        if (a.materialType() != MaterialType.ARTICLE && b.materialType() != MaterialType.ARTICLE) {
            return;
        }
        if (a.containerTokens.isEmpty() || b.containerTokens.isEmpty()) {
            return;
        }
        Venue va = Venue.of(a.containerTokens);
        Venue vb = Venue.of(b.containerTokens);
        if (va != Venue.UNKNOWN && vb != Venue.UNKNOWN && va != vb) {
            t.add("container", -8.0, t.explaining ? "a journal vs conference proceedings" : null);
            return;
        }
        double dice = Similarity.dice(a.containerTokens, b.containerTokens);
        double contained = Similarity.containment(a.containerTokens, b.containerTokens);
        String detail = t.explaining ? String.join(" ", a.containerTokens) + " vs " + String.join(" ", b.containerTokens) : null;
        if (dice >= 0.6 || contained >= 0.9) {
            t.add("container", 2.0, detail);
        } else if (Similarity.abbreviates(a.containerTokens, b.containerTokens)
                || Similarity.abbreviates(b.containerTokens, a.containerTokens)) {
            t.add("container", 2.0, t.explaining ? detail + " (abbreviated)" : null);
        } else if (dice < 0.25 && a.containerTokens.size() >= 2 && b.containerTokens.size() >= 2) {
            t.add("container", -6.0, detail);
        }
    }

    /** What kind of publication a container title names, from its words. */
    private enum Venue {
        JOURNAL, CONFERENCE, UNKNOWN;

        private static final Set<String> JOURNAL_WORDS = Set.of("journal", "journals", "review", "revue", "zeitschrift",
                "rivista", "revista", "quarterly", "transactions", "letters", "bulletin", "annals", "annales", "magazine",
                "archives", "archivio", "tijdschrift", "casopis");
        private static final Set<String> CONFERENCE_WORDS = Set.of("conference", "proceedings", "workshop", "symposium",
                "congress", "colloquium", "colloque", "convegno", "tagung", "konferenz", "meeting");

        static Venue of(List<String> tokens) {
            boolean journal = false;
            boolean conference = false;
            for (String t : tokens) {
                journal |= JOURNAL_WORDS.contains(t);
                conference |= CONFERENCE_WORDS.contains(t);
            }
            return journal == conference ? UNKNOWN : journal ? JOURNAL : CONFERENCE;
        }
    }

    private void language(MatchKeys a, MatchKeys b, Tally t) {
        if (a.language != null && b.language != null && !a.language.equals(b.language)) {
            t.add("language", -4.0, a.language + " vs " + b.language);
        }
    }
}
