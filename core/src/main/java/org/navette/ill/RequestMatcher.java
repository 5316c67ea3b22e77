package org.navette.ill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.navette.catalogue.CandidateCluster;
import org.navette.catalogue.Catalogue;
import org.navette.federation.Federation;
import org.navette.federation.SearchOptions;
import org.navette.federation.SearchResult;
import org.navette.ill.internal.Citations;
import org.navette.match.Cluster;
import org.navette.match.MatchDecision;
import org.navette.match.MatchExplanation;
import org.navette.match.MatchKeys;
import org.navette.match.MatchRule;
import org.navette.match.Matcher;
import org.navette.model.BibRecord;
import org.navette.query.Query;

/**
 * Finds the work an interlending request asks for, with the one {@link Matcher}: the request is
 * read as a citation record, candidates come from a union catalogue (clusters sharing a blocking
 * key, as ingest finds them) or from a live federation (searched by ISBN first, then by title and
 * author), and each candidate is judged by the matcher, in its citation mode
 * ({@link org.navette.match.MatchSettings.Builder#citationMode}), against its compared members.
 *
 * <pre>{@code
 * RequestMatcher m = RequestMatcher.overCatalogue(catalogue);
 * RequestMatch r = m.match(IllRequest.builder("r1").title("Le petit prince").author("Saint-Exupéry").build());
 * r.status();   // MATCHED
 * }</pre>
 *
 * <p>Decision: matched when exactly one candidate work reaches the matcher's decision, or when the
 * best one's evidence leads the next matching one by at least {@value #AMBIGUITY_BITS} bits (eight
 * times likelier); two matching works closer than that are ambiguous (a union catalogue may hold two
 * editions the request does not tell apart); none matching is unmatched, with the best candidate's
 * decisive rules as the reason.
 *
 * <p>Thread-safety: thread-safe when its catalogue or federation is.
 */
public final class RequestMatcher {
    /** At most this many candidates are listed in a result. */
    public static final int LISTED = 5;
    /** The lead in evidence (bits) the best matching work needs over the next matching one. */
    public static final double AMBIGUITY_BITS = 3.0;

    /** Where candidate works come from. */
    private interface Finder {
        /** Candidate works: id, holding libraries, compared keys; and the members once chosen. */
        List<Found> find(IllRequest request, BibRecord citation, MatchKeys keys);

        List<BibRecord> members(Found chosen);
    }

    private record Found(String id, List<String> libraries, List<MatchKeys> compared, List<BibRecord> members) {
    }

    private final Matcher matcher;
    private final Finder finder;

    private RequestMatcher(Matcher matcher, Finder finder) {
        this.matcher = matcher.settings().citationMode() ? matcher
                : Matcher.of(matcher.settings().toBuilder().citationMode(true).build());
        this.finder = finder;
    }

    /** Requests matched against the works of a union catalogue, with the catalogue's matcher. */
    public static RequestMatcher overCatalogue(Catalogue catalogue) {
        Objects.requireNonNull(catalogue, "catalogue");
        return new RequestMatcher(catalogue.matcher(), new Finder() {
            @Override
            public List<Found> find(IllRequest request, BibRecord citation, MatchKeys keys) {
                List<Found> out = new ArrayList<>();
                for (CandidateCluster c : catalogue.candidatesFor(keys)) {
                    out.add(new Found(c.clusterId(), c.libraries(), c.comparedKeys(), List.of()));
                }
                return out;
            }

            @Override
            public List<BibRecord> members(Found chosen) {
                return catalogue.clusterMembers(List.of(chosen.id())).getOrDefault(chosen.id(), List.of());
            }
        });
    }

    /**
     * Requests matched against a live federation: each request is searched by its ISBNs, and when
     * those find nothing by its title and author; the clusters of the answers are the candidates,
     * each target standing for the library it serves.
     */
    public static RequestMatcher overFederation(Federation federation, Matcher matcher, Duration deadline) {
        Objects.requireNonNull(federation, "federation");
        Objects.requireNonNull(deadline, "deadline");
        return new RequestMatcher(matcher, new Finder() {
            @Override
            public List<Found> find(IllRequest request, BibRecord citation, MatchKeys keys) {
                List<Found> out = new ArrayList<>();
                for (Query q : queries(request)) {
                    SearchResult result = federation.searchAndWait(q, SearchOptions.builder().deadline(deadline).build());
                    for (Cluster c : result.clusterList()) {
                        List<MatchKeys> compared = new ArrayList<>();
                        List<String> libraries = new ArrayList<>();
                        for (BibRecord m : c.members()) {
                            if (compared.size() < matcher.settings().maxComparedMembers()) {
                                compared.add(matcher.keys(m));
                            }
                            if (!libraries.contains(m.source().origin())) {
                                libraries.add(m.source().origin());
                            }
                        }
                        out.add(new Found(c.id(), libraries, compared, c.members()));
                    }
                    if (!out.isEmpty()) {
                        break;
                    }
                }
                return out;
            }

            @Override
            public List<BibRecord> members(Found chosen) {
                return chosen.members();
            }
        });
    }

    /** The searches for a request, in the order tried: ISBN (or ISSN), then title and author. */
    static List<Query> queries(IllRequest r) {
        List<Query> out = new ArrayList<>();
        Query ids = null;
        for (String i : r.isbns()) {
            Query q = Query.isbn(i.replaceAll("[^0-9Xx]", ""));
            ids = ids == null ? q : ids.or(q);
        }
        for (String i : r.issns()) {
            Query q = Query.issn(i);
            ids = ids == null ? q : ids.or(q);
        }
        if (ids != null) {
            out.add(ids);
        }
        Optional<String> title = r.title().map(RequestMatcher::searchWords).filter(t -> !t.isBlank());
        // a body's name has no surname to search by: its title words carry the search
        Optional<String> surname = r.author().filter(a -> !Citations.looksCorporate(a.split(";")[0].strip()))
                .map(RequestMatcher::surname).filter(s -> !s.isBlank());
        if (title.isPresent()) {
            Query q = Query.title(title.get());
            out.add(surname.isPresent() ? q.and(Query.author(surname.get())) : q);
            // a typo or a word the target does not index empties the query of every word: its two
            // longest words, either of them, still find the work (the matcher then judges)
            List<String> longest = new ArrayList<>(List.of(title.get().split(" ")));
            longest.sort(java.util.Comparator.comparingInt(String::length).reversed());
            if (longest.size() > 1) {
                Query either = Query.title(longest.get(0)).or(Query.title(longest.get(1)));
                out.add(surname.isPresent() ? either.and(Query.author(surname.get())) : either);
            }
        }
        if (surname.isPresent() && surname.get().length() > 2) {
            out.add(Query.author(surname.get()));
        }
        return out;
    }

    /** The title's words without the subtitle and punctuation (a query, not a phrase: typos elsewhere cost less). */
    private static String searchWords(String title) {
        int colon = title.indexOf(':');
        String proper = colon > 0 ? title.substring(0, colon) : title;
        // one-letter words ("Danton's" split at its apostrophe, "I'M") are not indexed by every target
        return proper.replaceAll("[\\p{Punct}«»“”‘’]", " ").replaceAll("(?U)(^|\\s)\\w(?=\\s|$)", " ")
                .replaceAll("\\s+", " ").strip();
    }

    /** The surname of "Surname, Forename" or of "Forename Surname". */
    private static String surname(String author) {
        String first = author.split(";")[0].strip();
        int comma = first.indexOf(',');
        if (comma > 0) {
            return first.substring(0, comma).strip();
        }
        String[] words = first.split("\\s+");
        return words[words.length - 1].replaceAll("[\\p{Punct}]", "");
    }

    /** The matcher requests are judged by: the given one's settings in citation mode. */
    public Matcher matcher() {
        return matcher;
    }

    /** Matches one request. */
    public RequestMatch match(IllRequest request) {
        Objects.requireNonNull(request, "request");
        BibRecord citation = Citations.toRecord(request);
        MatchKeys keys = matcher.keys(citation);
        if (citation.titleProper() == null && citation.isbns().isEmpty() && citation.issns().isEmpty()
                && citation.identifiers().isEmpty()) {
            return unmatched(request, 0.0, "the request names neither a title nor an identifier", List.of());
        }
        List<Found> found = finder.find(request, citation, keys);
        if (found.isEmpty()) {
            return unmatched(request, 0.0, "no work shares a match key with the request (identifier, title words, author and year)", List.of());
        }
        Map<String, Found> byId = new LinkedHashMap<>();
        List<RequestMatch.Candidate> judged = new ArrayList<>();
        for (Found f : found) {
            MatchExplanation best = null;
            for (MatchKeys k : f.compared()) {
                MatchExplanation e = matcher.explain(keys, k);
                if (best == null || rank(e) > rank(best)) {
                    best = e;
                }
            }
            if (best != null && byId.putIfAbsent(f.id(), f) == null) {
                judged.add(new RequestMatch.Candidate(f.id(), f.libraries(), best));
            }
        }
        judged.sort(Comparator.comparingDouble((RequestMatch.Candidate c) -> rank(c.explanation())).reversed()
                .thenComparing(RequestMatch.Candidate::workId));
        List<RequestMatch.Candidate> listed = judged.subList(0, Math.min(LISTED, judged.size()));
        if (judged.isEmpty()) {
            return unmatched(request, 0.0, "no candidate work could be compared", List.of());
        }
        RequestMatch.Candidate top = judged.get(0);
        if (!top.explanation().matches()) {
            return unmatched(request, top.score(), "best candidate " + top.workId() + " "
                    + describe(top.explanation()), listed);
        }
        List<RequestMatch.Candidate> matching = judged.stream().filter(c -> c.explanation().matches()).toList();
        if (matching.size() > 1 && top.explanation().evidence() - matching.get(1).explanation().evidence() < AMBIGUITY_BITS) {
            return new RequestMatch(request, RequestMatch.Status.AMBIGUOUS, Optional.empty(), top.score(),
                    String.format(Locale.ROOT, "%d works match about as well: %s", matching.size(),
                            String.join(", ", matching.stream().limit(LISTED).map(c -> c.workId()
                                    + String.format(Locale.ROOT, " (%.3f)", c.score())).toList())), listed);
        }
        Found chosen = byId.get(top.workId());
        List<BibRecord> members = finder.members(chosen);
        return new RequestMatch(request, RequestMatch.Status.MATCHED,
                Optional.of(new RequestMatch.Work(chosen.id(), members, members.isEmpty() ? null : members.get(0).titleProper())),
                top.score(), describe(top.explanation()), listed);
    }

    /** Orders explanations: vetoed below everything, then by evidence. */
    private static double rank(MatchExplanation e) {
        return e.decision() == MatchDecision.VETOED ? Double.NEGATIVE_INFINITY : e.evidence();
    }

    private static String describe(MatchExplanation e) {
        List<String> rules = new ArrayList<>();
        for (MatchRule r : e.decisiveRules()) {
            if (rules.size() == 4) {
                break;
            }
            rules.add(r.toString());
        }
        return String.format(Locale.ROOT, "%s, score %.3f (threshold %.2f): %s", e.decision().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                e.score(), e.threshold(), rules.isEmpty() ? "no rule fired" : String.join("; ", rules));
    }

    private static RequestMatch unmatched(IllRequest request, double score, String reason, List<RequestMatch.Candidate> listed) {
        return new RequestMatch(request, RequestMatch.Status.UNMATCHED, Optional.empty(), score, reason, listed);
    }
}
