package org.navette.ill.iso18626;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.navette.ill.AgencyId;
import org.navette.ill.IllPlan;
import org.navette.ill.IllRequest;
import org.navette.ill.LenderPlan;
import org.navette.ill.PlannedRequest;
import org.navette.ill.RequestBatch;
import org.navette.ill.RequestCsvReader;
import org.navette.ill.RequestProblem;

/**
 * Interlending requests as files: a batch read from a CSV file, an ISO 18626 {@code request}
 * message, or a folder of both (in file-name order); and a plan's matched requests written as one
 * {@code request} message each, addressed to the first lender, for {@code ill send} or another
 * system to post.
 *
 * <p>A broken file costs only itself: an invalid message becomes a rejected problem naming the file
 * and the schema's message, a CSV's bad lines are reported by line, and the other files are read.
 * An id already read from an earlier file rejects the later request.
 *
 * <pre>{@code
 * RequestBatch batch = RequestFiles.read(Path.of("incoming"));        // a.csv, b.xml, c.xml...
 * IllPlan plan = planner.plan(batch);
 * RequestFiles.writeRequestMessages(plan, Path.of("outgoing"), Instant.now());
 * }</pre>
 */
public final class RequestFiles {
    private RequestFiles() {
    }

    /** Reads {@code path} (a CSV file, a message, or a folder of them) with the default ISO 18626 reader. */
    public static RequestBatch read(Path path) {
        return read(path, Iso18626Reader.ofDefaults());
    }

    /**
     * Reads {@code path}: a {@code .csv} file, an {@code .xml} message, or a folder whose
     * {@code .csv} and {@code .xml} files are read in name order (others are left alone).
     *
     * @throws org.navette.ill.RequestCsvException when a CSV file cannot be read at all (not UTF-8)
     * @throws UncheckedIOException when a folder cannot be listed
     */
    public static RequestBatch read(Path path, Iso18626Reader reader) {
        if (!Files.isDirectory(path)) {
            return isXml(path) ? message(path, reader, path.getFileName().toString()) : RequestCsvReader.read(path);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(path)) {
            files = s.filter(p -> Files.isRegularFile(p) && (isXml(p) || name(p).endsWith(".csv"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
        List<IllRequest> requests = new ArrayList<>();
        List<RequestProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path f : files) {
            String file = f.getFileName().toString();
            RequestBatch one = isXml(f) ? message(f, reader, file) : RequestCsvReader.read(f);
            for (RequestProblem p : one.problems()) {
                problems.add(p.in(file));
            }
            for (IllRequest r : one.requests()) {
                if (ids.add(r.id())) {
                    requests.add(r);
                } else {
                    problems.add(new RequestProblem(1, r.id(), "request id " + r.id() + " was read already from an earlier file;"
                            + " this one is left out", true, file));
                }
            }
        }
        return new RequestBatch(path.toString(), requests, problems);
    }

    private static RequestBatch message(Path file, Iso18626Reader reader, String name) {
        try {
            Iso18626Message m = reader.read(file);
            if (!(m instanceof Request r)) {
                return rejected(file, 1, "an ISO 18626 " + kind(m) + ", not a request");
            }
            return new RequestBatch(file.toString(), List.of(r.toIllRequest()), List.of());
        } catch (Iso18626Exception e) {
            return rejected(file, Math.max(1, e.line()), e.getMessage());
        }
    }

    private static RequestBatch rejected(Path file, int line, String message) {
        return new RequestBatch(file.toString(), List.of(), List.of(new RequestProblem(line, null, message, true,
                file.getFileName().toString())));
    }

    private static String kind(Iso18626Message m) {
        String s = m.getClass().getSimpleName();
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean isXml(Path p) {
        return name(p).endsWith(".xml");
    }

    private static String name(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Writes one {@code request} message per matched request of {@code plan}, from its requester to
     * its first lender, as {@code DIR/ID.xml} (characters a file name cannot hold replaced). The
     * lender's own record of the work goes in {@code supplierUniqueRecordId} when the request named none.
     *
     * @return the number of messages written
     */
    public static int writeRequestMessages(IllPlan plan, Path dir, Instant now) {
        Iso18626Writer writer = Iso18626Writer.ofDefaults();
        int written = 0;
        try {
            Files.createDirectories(dir);
            for (PlannedRequest p : plan.requests()) {
                if (p.status() != PlannedRequest.Status.MATCHED) {
                    continue;
                }
                IllRequest asked = p.match().orElseThrow().request();
                LenderPlan.Lender first = p.firstLender().orElseThrow();
                // the lender's own record id tells its staff exactly which record to pull
                IllRequest r = p.match().orElseThrow().work().flatMap(w -> w.members().stream()
                                .filter(m -> m.source().origin().equals(first.library())).findFirst())
                        .filter(m -> asked.supplierUniqueRecordId().isEmpty())
                        .map(m -> asked.toBuilder().supplierUniqueRecordId(m.source().recordId()).build()).orElse(asked);
                AgencyId requester = r.requester().orElseThrow(() -> new IllegalStateException("planned without a requester: " + r.id()));
                Files.writeString(dir.resolve(fileName(r.id())), writer.write(Request.of(r, requester, first.agency(), now)),
                        StandardCharsets.UTF_8);
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write request messages in " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    /**
     * The request messages in {@code dir} by request id ({@code requestingAgencyRequestId}), as
     * {@link #writeRequestMessages} left them; a file that is no valid request is reported in
     * {@code problems} and left out.
     */
    public static Map<String, Request> readRequestMessages(Path dir, List<String> problems) {
        Iso18626Reader reader = Iso18626Reader.ofDefaults();
        Map<String, Request> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(RequestFiles::isXml).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path f : files) {
            try {
                if (reader.read(f) instanceof Request r) {
                    out.put(r.header().requestId(), r);
                } else {
                    problems.add(f.getFileName() + ": not a request message");
                }
            } catch (Iso18626Exception e) {
                problems.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** A file name for request {@code id}: its own when it is safe, else its safe characters and a hash. */
    static String fileName(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.equals(id) && !safe.startsWith(".")) {
            return safe + ".xml";
        }
        return safe.replaceFirst("^\\.", "_") + "-" + Integer.toHexString(id.hashCode()) + ".xml";
    }
}
