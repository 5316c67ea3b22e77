package org.navette.ill;

import java.util.List;
import java.util.Objects;

/**
 * The requests of one file, in file order, with the problems found reading it, in file order.
 * Every line of the input is accounted for: as a request, or as a {@linkplain RequestProblem#rejected()
 * rejected} problem.
 *
 * <pre>{@code
 * RequestBatch batch = RequestCsvReader.read(Path.of("requests.csv"));
 * batch.requests().forEach(r -> plan(r));
 * batch.rejected().forEach(p -> report(p.line(), p.requestId(), "invalid", p.message()));
 * }</pre>
 *
 * @param source   the file or stream name, for messages
 * @param requests the requests read, in file order
 * @param problems every problem, in file order
 */
public record RequestBatch(String source, List<IllRequest> requests, List<RequestProblem> problems) {
    public RequestBatch {
        Objects.requireNonNull(source, "source");
        requests = List.copyOf(requests);
        problems = List.copyOf(problems);
    }

    /** The problems of lines that yielded no request. */
    public List<RequestProblem> rejected() {
        return problems.stream().filter(RequestProblem::rejected).toList();
    }

    /** The problems recorded against request {@code id} (kept or rejected). */
    public List<RequestProblem> problemsFor(String id) {
        return problems.stream().filter(p -> id.equals(p.requestId())).toList();
    }
}
