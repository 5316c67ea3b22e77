package org.navette.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.navette.NavetteException;
import org.navette.model.BibRecord;
import org.navette.model.Holding;
import org.navette.model.Identifier;
import org.navette.model.IdentifierScheme;
import org.navette.model.Isbn;
import org.navette.model.RecordFormat;
import org.navette.model.RecordProblem;
import org.navette.normalise.MarcCharset;
import org.navette.normalise.MarcFileReader;
import org.navette.normalise.Normaliser;
import org.navette.normalise.ReadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code navette inspect}: reads record files (ISO 2709 MARC21/UNIMARC in any character set,
 * MARCXML, marcxchange, UNIMARC slim and Dublin Core XML, MARC-in-JSON, MarcMaker) through the
 * normaliser and prints one JSON object per record (JSON Lines) on standard output; every problem
 * found goes to standard error with its file, record position and byte offset.
 *
 * <pre>
 * ./navette inspect jazz_1k.mrc
 * ./navette inspect --format unimarc --charset utf-8 export-bsg.mrc
 * ./navette inspect *.xml 2&gt;problems.txt | jq -r .title
 * </pre>
 *
 * <p>Exit codes: 0 when the files were read (damaged records are reported, they do not change it),
 * 1 when a file could not be read to its end (I/O error), 2 for usage errors (unknown file, bad
 * flag or value) with a one-line message.
 *
 * <p>Thread-safety: one instance per command line run.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Reads record files through the normaliser and prints one JSON object per record "
                + "(JSON Lines); problems go to standard error with file, record position and byte offset."},
        footer = {"", "Reads ISO 2709 (MARC21, UNIMARC; UTF-8, MARC-8, ISO 5426...), MARCXML, marcxchange, UNIMARC slim,",
                "Dublin Core XML, MARC-in-JSON and MarcMaker; the file type is recognised by content."})
public final class InspectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "read every MARC record as marc21 or unimarc, whatever its content says")
    private String format;

    @Option(names = "--charset", paramLabel = "CHARSET",
            description = "decode ISO 2709 records from this set (UTF-8, MARC-8, ISO-5426, ISO-6937, ISO-8859-1), "
                    + "whatever they declare")
    private String charset;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "record files")
    private List<Path> files;

    @Override
    public Integer call() {
        Normaliser normaliser;
        try {
            Normaliser.Builder b = Normaliser.builder();
            if (format != null) {
                b.formatOverride(RecordFormat.fromCode(format));
            }
            if (charset != null) {
                b.charsetOverride(MarcCharset.fromName(charset));
            }
            normaliser = b.build();
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                return usage("no readable file " + f);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = 0;
        for (Path f : files) {
            try (MarcFileReader reader = MarcFileReader.open(f, normaliser)) {
                while (reader.hasNext()) {
                    ReadResult r = reader.next();
                    out.println(json(f, r));
                    for (RecordProblem p : r.problems()) {
                        err.println(describe(p));
                    }
                }
            } catch (IOException | NavetteException e) {
                err.println("navette inspect: cannot read " + f + ": " + e.getMessage());
                exit = 1;
            }
            out.flush();
            err.flush();
        }
        return exit;
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("navette inspect: " + message.replace('\n', ' '));
        return 2;
    }

    /** "file record 3 (byte 1234): KIND: message", or "file: KIND: message" for the file as a whole. */
    static String describe(RecordProblem p) {
        return p.position() == 0 ? p.file() + ": " + p.kind() + ": " + p.message() : p.toString();
    }

    static String json(Path file, ReadResult r) {
        ObjectNode o = JSON.createObjectNode();
        BibRecord b = r.record();
        o.put("source", b == null ? file.toString() : b.source().origin());
        o.put("position", r.position());
        o.put("id", b == null ? "#" + r.position() : b.source().recordId());
        o.put("format", b == null ? null : b.format().code());
        o.put("title", b == null ? null : b.title());
        ArrayNode authors = o.putArray("authors");
        ArrayNode isbn = o.putArray("isbn");
        ArrayNode issn = o.putArray("issn");
        if (b != null) {
            b.authors().forEach(a -> authors.add(a.name()));
            b.isbns().stream().map(Isbn::isbn13).forEach(isbn::add);
            b.issns().forEach(issn::add);
        }
        if (b != null && b.year() != null) {
            o.put("year", b.year().intValue());
        } else {
            o.putNull("year");
        }
        o.put("publisher", b == null ? null : b.publisher());
        o.put("place", b == null ? null : b.place());
        o.put("language", b == null || b.languages().isEmpty() ? null : b.languages().get(0));
        o.put("type", b == null ? null : b.materialType().name().toLowerCase(java.util.Locale.ROOT));
        o.put("characterSet", b == null ? null : b.characterSet());
        ArrayNode ids = o.putArray("identifiers");
        ArrayNode holdings = o.putArray("holdings");
        if (b != null) {
            for (Identifier id : b.identifiers()) {
                if (id.scheme() != IdentifierScheme.URL) {
                    ids.add(id.toString());
                }
            }
            for (Holding h : b.holdings()) {
                ObjectNode n = holdings.addObject();
                n.put("library", h.library());
                n.put("branch", h.branch());
                n.put("location", h.location());
                n.put("callNumber", h.callNumber());
                n.put("barcode", h.barcode());
                n.put("status", h.status());
                n.put("availability", h.availability().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        ArrayNode problems = o.putArray("problems");
        r.problems().forEach(p -> problems.add(p.kind() + ": " + p.message()));
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
