package org.navette.ill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The plan for a batch of interlending requests: one {@link PlannedRequest} per request of the
 * input, in input order, rejected rows included. Written as the plan file
 * {@code id,status,clusterId,score,lenders,reasons}: lenders ranked {@code LIB;LIB;...}, the reasons
 * of the match and of each lender's place (or exclusion) in one quoted field.
 *
 * <pre>{@code
 * IllPlan plan = planner.plan(RequestCsvReader.read(Path.of("requests.csv")));
 * plan.counts();                                  // {MATCHED=41, AMBIGUOUS=2, UNMATCHED=6, INVALID=1}
 * try (Writer w = Files.newBufferedWriter(Path.of("plan.csv"))) {
 *     plan.writeCsv(w);
 * }
 * }</pre>
 *
 * @param source   where the requests came from (a file name)
 * @param requests every request's outcome, in input order
 */
public record IllPlan(String source, List<PlannedRequest> requests) {
    /** The plan file's header. */
    public static final String CSV_HEADER = "id,status,clusterId,score,lenders,reasons";

    public IllPlan {
        Objects.requireNonNull(source, "source");
        requests = List.copyOf(requests);
    }

    /** How many requests ended in each status (every status present, zero included). */
    public Map<PlannedRequest.Status, Integer> counts() {
        Map<PlannedRequest.Status, Integer> counts = new EnumMap<>(PlannedRequest.Status.class);
        for (PlannedRequest.Status s : PlannedRequest.Status.values()) {
            counts.put(s, 0);
        }
        requests.forEach(p -> counts.merge(p.status(), 1, Integer::sum));
        return counts;
    }

    /** Writes the plan file (header and one line per request, RFC 4180 quoting, LF line ends). */
    public void writeCsv(Appendable out) {
        try {
            out.append(CSV_HEADER).append('\n');
            for (PlannedRequest p : requests) {
                String clusters = p.status() == PlannedRequest.Status.AMBIGUOUS
                        ? p.match().orElseThrow().candidates().stream().map(RequestMatch.Candidate::workId).collect(Collectors.joining(";"))
                        : p.clusterId().orElse("");
                String lenders = p.lenders().map(l -> l.lenders().stream().map(LenderPlan.Lender::library)
                        .collect(Collectors.joining(";"))).orElse("");
                out.append(CsvText.quote(p.requestId())).append(',')
                        .append(p.status().word()).append(',')
                        .append(CsvText.quote(clusters)).append(',')
                        .append(p.match().isPresent() ? String.format(Locale.ROOT, "%.3f", p.score()) : "").append(',')
                        .append(CsvText.quote(lenders)).append(',')
                        .append(CsvText.quote(reasons(p))).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The match's reason, then each lender's and each excluded library's, in one line. */
    static String reasons(PlannedRequest p) {
        StringBuilder s = new StringBuilder(p.reason());
        p.lenders().ifPresent(plan -> {
            int rank = 1;
            for (LenderPlan.Lender l : plan.lenders()) {
                s.append(" | ").append(rank++).append(". ").append(l.library()).append(": ").append(l.reason());
            }
            for (LenderPlan.Exclusion x : plan.exclusions()) {
                s.append(" | not ").append(x.library()).append(": ").append(x.reason());
            }
        });
        for (RequestProblem problem : p.problems()) {
            if (!problem.rejected()) {
                s.append(" | input: ").append(problem.message());
            }
        }
        return s.toString();
    }
}
