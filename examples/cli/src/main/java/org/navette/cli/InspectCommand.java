package org.navette.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
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
 * zcat export.mrc.gz | ./navette inspect -
 * </pre>
 *
 * <p>Exit codes ({@link ExitCode}): 0 when the files were read (damaged records are reported, they
 * do not change it), 1 when a file could not be read to its end (I/O error), 2 for usage errors
 * (unknown file, bad flag or value) with a one-line message, 3 when a file holds no readable record
 * (empty, random bytes, text that is not MARC): no record line for it, one line on stderr saying why.
 *
 * <p>Thread-safety: one instance per command line run.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = NavetteCli.BuildVersion.class,
        description = {"Reads record files through the normaliser and prints one JSON object per record "
                + "(JSON Lines); problems go to standard error with file, record position and byte offset."},
        footer = {"", "Reads ISO 2709 (MARC21, UNIMARC; UTF-8, MARC-8, ISO 5426...), MARCXML, marcxchange, UNIMARC slim,",
                "Dublin Core XML, MARC-in-JSON and MarcMaker; the file type is recognised by content."})
public final class InspectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "read every MARC record as marc21 or unimarc, whatever its content says")
    private RecordFormat format;

    @Option(names = "--charset", paramLabel = "CHARSET", converter = CharsetConverter.class,
            description = "decode ISO 2709 records from this set (UTF-8, MARC-8, ISO-5426, ISO-6937, ISO-8859-1), "
                    + "whatever they declare")
    private MarcCharset charset;

    /** {@code --format}: the names {@link RecordFormat#fromCode} knows; a bad one is a usage error naming it. */
    static final class FormatConverter implements CommandLine.ITypeConverter<RecordFormat> {
        @Override
        public RecordFormat convert(String value) {
            try {
                return RecordFormat.fromCode(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage().replace('\n', ' '));
            }
        }
    }

    /** {@code --charset}: the names {@link MarcCharset#fromName} knows. */
    static final class CharsetConverter implements CommandLine.ITypeConverter<MarcCharset> {
        @Override
        public MarcCharset convert(String value) {
            try {
                return MarcCharset.fromName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage().replace('\n', ' '));
            }
        }
    }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "record files; - reads standard input")
    private List<String> files;

    /** What {@code -} reads; the process's standard input unless a test gives another. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        Normaliser.Builder b = Normaliser.builder();
        if (format != null) {
            b.formatOverride(format);
        }
        if (charset != null) {
            b.charsetOverride(charset);
        }
        Normaliser normaliser = b.build();
        RecordFiles.requireReadable(spec.commandLine(), files);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExitCode.OK;
        for (String f : files) {
            // lines for unreadable stretches wait for the file's first record: a file with none
            // prints no record line, only why it could not be read
            List<String> pending = new ArrayList<>();
            List<RecordProblem> unreadable = new ArrayList<>();
            boolean anyRecord = false;
            try (MarcFileReader reader = RecordFiles.open(f, stdin, normaliser)) {
                while (reader.hasNext()) {
                    ReadResult r = reader.next();
                    if (r.record() == null && !anyRecord) {
                        pending.add(json(f, r));
                        unreadable.addAll(r.problems());
                        continue;
                    }
                    if (!anyRecord) {
                        anyRecord = true;
                        pending.forEach(out::println);
                        unreadable.forEach(p -> err.println(describe(p)));
                    }
                    out.println(json(f, r));
                    for (RecordProblem p : r.problems()) {
                        err.println(describe(p));
                    }
                }
                if (!anyRecord) {
                    err.println("navette inspect: " + RecordFiles.noRecords(f, unreadable));
                    exit = Math.max(exit, ExitCode.NO_RECORDS);
                }
            } catch (IOException | NavetteException e) {
                err.println("navette inspect: " + RecordFiles.cannotRead(f, e));
                exit = ExitCode.FAILED;
            }
            out.flush();
            err.flush();
        }
        return exit;
    }

    /** "file record 3 (byte 1234): KIND: message", or "file: KIND: message" for the file as a whole. */
    static String describe(RecordProblem p) {
        return p.position() == 0 ? p.file() + ": " + p.kind() + ": " + p.message() : p.toString();
    }

    static String json(String file, ReadResult r) {
        ObjectNode o = JSON.createObjectNode();
        BibRecord b = r.record();
        o.put("source", b == null ? file : b.source().origin());
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
        o.put("type", b == null ? null : RecordJson.label(b.materialType().name()));
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
                RecordJson.addHolding(holdings, h.library(), h);
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
