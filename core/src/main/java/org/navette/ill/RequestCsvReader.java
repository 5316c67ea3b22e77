package org.navette.ill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads interlending requests from CSV: a header row naming the columns
 * {@code id,title,author,year,isbn,issn,publisher,edition,type,service,requester,needBefore} (in any
 * order, matched ignoring case and blanks; only {@code id} is required), then one request per row.
 * UTF-8 strictly (a BOM is fine); RFC 4180 quoting. Several ISBNs or ISSNs in one cell are
 * separated by {@code ;} or {@code |}.
 *
 * <pre>{@code
 * RequestBatch batch = RequestCsvReader.read(Path.of("requests.csv"));
 * batch.requests();   // in file order
 * batch.problems();   // [line 7 (req-7): year 'soon' is not a year; the request is kept without it, ...]
 * }</pre>
 *
 * <p>Nothing is lost: a row whose optional field is bad still gives its request (that field left
 * out, a problem recorded with the line); a row that cannot give one (no id, a duplicate id, the
 * wrong number of columns, broken quoting) is a rejected problem with its line, which a plan lists
 * as invalid. A year is read from its first four-digit run, so catalogue forms like {@code c1998},
 * {@code [1998]} or {@code 1998?} work. Only a file that is not UTF-8 or has no {@code id} column
 * fails as a whole ({@link RequestCsvException}).
 *
 * <p>Thread-safety: stateless.
 */
public final class RequestCsvReader {
    /** The columns a request file may have. */
    public static final List<String> COLUMNS = List.of("id", "title", "author", "year", "isbn", "issn", "publisher",
            "edition", "type", "service", "requester", "needBefore");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
    private static final Pattern SEPARATORS = Pattern.compile("\\s*[;|]\\s*");

    private RequestCsvReader() {
    }

    public static RequestBatch read(Path file) {
        try {
            return read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new RequestCsvException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    public static RequestBatch read(InputStream in, String sourceName) {
        try {
            return read(in.readAllBytes(), sourceName);
        } catch (IOException e) {
            throw new RequestCsvException(sourceName, "cannot read: " + e.getMessage(), e);
        }
    }

    static RequestBatch read(byte[] bytes, String source) {
        String text;
        try {
            text = CsvText.utf8(bytes);
        } catch (CsvText.NotUtf8 e) {
            throw new RequestCsvException(source, e.line, "the file is not UTF-8 (" + e.getMessage()
                    + "); save it as UTF-8, e.g. iconv -f latin1 -t utf-8");
        }
        List<CsvText.Row> rows = CsvText.rows(text);
        if (rows.isEmpty()) {
            throw new RequestCsvException(source, 0, "no header row (expected columns " + String.join(",", COLUMNS) + ")");
        }
        CsvText.Row header = rows.get(0);
        if (header.error() != null) {
            throw new RequestCsvException(source, header.line(), "broken header row: " + header.error());
        }
        Map<String, Integer> index = new HashMap<>();
        List<RequestProblem> problems = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip();
            String known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null) {
                problems.add(new RequestProblem(header.line(), null, "unknown column '" + name + "' is ignored (known: "
                        + String.join(",", COLUMNS) + ")", false));
            } else if (index.putIfAbsent(known, i) != null) {
                throw new RequestCsvException(source, header.line(), "column '" + known + "' appears twice");
            }
        }
        if (!index.containsKey("id")) {
            throw new RequestCsvException(source, header.line(), "no 'id' column (header: " + String.join(",", header.fields()) + ")");
        }
        List<IllRequest> requests = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvText.Row row : rows.subList(1, rows.size())) {
            String id = cell(row, index.get("id"));
            if (row.error() != null) {
                problems.add(new RequestProblem(row.line(), id, row.error(), true));
                continue;
            }
            if (row.fields().size() != header.fields().size()) {
                problems.add(new RequestProblem(row.line(), id, row.fields().size() + " columns where the header has "
                        + header.fields().size(), true));
                continue;
            }
            if (id == null) {
                problems.add(new RequestProblem(row.line(), null, "no id", true));
                continue;
            }
            if (!ids.add(id)) {
                problems.add(new RequestProblem(row.line(), id, "duplicate id " + id + " (an earlier line has it)", true));
                continue;
            }
            requests.add(request(row, id, index, problems));
        }
        return new RequestBatch(source, requests, problems);
    }

    private static IllRequest request(CsvText.Row row, String id, Map<String, Integer> index, List<RequestProblem> problems) {
        IllRequest.Builder b = IllRequest.builder(id)
                .title(cell(row, index.get("title"))).author(cell(row, index.get("author")))
                .publisher(cell(row, index.get("publisher"))).edition(cell(row, index.get("edition")))
                .materialType(cell(row, index.get("type")));
        for (String isbn : list(cell(row, index.get("isbn")))) {
            b.isbn(isbn);
        }
        for (String issn : list(cell(row, index.get("issn")))) {
            b.issn(issn);
        }
        String year = cell(row, index.get("year"));
        if (year != null) {
            Matcher m = YEAR.matcher(year);
            int y = m.find() ? Integer.parseInt(m.group(1)) : 0;
            if (y >= 1) {
                b.year(y);
            } else {
                problems.add(keptWithout(row, id, "year '" + year + "' is not a year"));
            }
        }
        String service = cell(row, index.get("service"));
        if (service != null) {
            ServiceType.parse(service).ifPresentOrElse(b::service, () -> problems.add(keptWithout(row, id,
                    "service '" + service + "' is none of loan, copy, copy-or-loan; taken as loan")));
        }
        String requester = cell(row, index.get("requester"));
        if (requester != null) {
            try {
                b.requester(AgencyId.parse(requester));
            } catch (IllegalArgumentException e) {
                problems.add(keptWithout(row, id, "requester '" + requester + "': " + e.getMessage()));
            }
        }
        String need = cell(row, index.get("needBefore"));
        if (need != null) {
            try {
                b.needBefore(LocalDate.parse(need));
            } catch (DateTimeParseException e) {
                problems.add(keptWithout(row, id, "needBefore '" + need + "' is not a date (yyyy-MM-dd)"));
            }
        }
        return b.build();
    }

    private static RequestProblem keptWithout(CsvText.Row row, String id, String message) {
        return new RequestProblem(row.line(), id, message + "; the request is kept without it", false);
    }

    private static @Nullable String cell(CsvText.Row row, @Nullable Integer column) {
        if (column == null || column >= row.fields().size()) {
            return null;
        }
        String v = row.fields().get(column).strip();
        return v.isEmpty() ? null : v;
    }

    private static List<String> list(@Nullable String cell) {
        if (cell == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : SEPARATORS.split(cell)) {
            if (!s.isBlank()) {
                out.add(s.strip().toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }
}
