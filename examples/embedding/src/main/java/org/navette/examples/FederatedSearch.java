package org.navette.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.navette.federation.Federation;
import org.navette.federation.SearchResult;
import org.navette.federation.TargetStatus;
import org.navette.federation.TargetsFile;
import org.navette.query.CqlParser;

/**
 * One CQL query over every target of a targets file (Z39.50, SRU, web OPACs, a union catalogue),
 * answered as one ranked list of works with a status per target: a dead or slow target becomes a
 * status, and the others' records still arrive.
 *
 * <pre>{@code
 * Result r = FederatedSearch.run(Path.of("targets.json"), "title=computer and author=collins", Duration.ofSeconds(10));
 * r.titles();     // the works, best first
 * r.targets();    // zebra done hits=4 fetched=4 85ms ...
 * }</pre>
 */
public final class FederatedSearch {
    private FederatedSearch() {
    }

    /**
     * What came out.
     *
     * @param titles  the works' titles, best first
     * @param records records received from all targets
     * @param targets each target's final status
     */
    public record Result(List<String> titles, int records, List<TargetStatus> targets) {
    }

    public static Result run(Path targetsFile, String cql, Duration deadline) {
        // a Federation is built once and shared by threads and users; close() frees its native connections
        try (Federation federation = Federation.builder()
                .targets(TargetsFile.read(targetsFile))
                .deadline(deadline)
                .maxRecordsPerTarget(20)
                .build()) {
            SearchResult result = federation.searchAndWait(CqlParser.parse(cql));
            List<String> titles = new ArrayList<>();
            result.clusters().forEach(rc -> titles.add(String.valueOf(rc.cluster().representative().title())));
            return new Result(titles, result.records(), result.targets());
        }
    }

    /** {@code FederatedSearch targets.json "title=computer"} */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: FederatedSearch TARGETS_FILE CQL");
            System.exit(2);
        }
        Result r = run(Path.of(args[0]), args[1], Duration.ofSeconds(10));
        r.titles().forEach(System.out::println);
        r.targets().forEach(System.out::println);
    }
}
