package org.navette.ill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How much each library of a network has lent and borrowed (over a year, say): what the
 * {@link Rota} balances the load with, so that a library that lends much and borrows little is
 * asked less. Read from a CSV file with the header {@code library,lent,borrowed} (UTF-8, columns in
 * any order); a library the file does not list counts as 0 lent, 0 borrowed.
 *
 * <pre>{@code
 * LendingStatistics stats = LendingStatistics.read(Path.of("statistics.csv"));
 * stats.counts("bib-dole");   // Counts[lent=120, borrowed=40]
 * LendingStatistics.of(Map.of("bib-dole", new LendingStatistics.Counts(120, 40)));
 * }</pre>
 *
 * <p>Library codes are compared ignoring case. Thread-safety: immutable.
 */
public final class LendingStatistics {
    /** The CSV header's columns. */
    public static final List<String> COLUMNS = List.of("library", "lent", "borrowed");

    /**
     * One library's counts.
     *
     * @param lent     requests it supplied, never negative
     * @param borrowed requests it received from others, never negative
     */
    public record Counts(int lent, int borrowed) {
        public static final Counts NONE = new Counts(0, 0);

        public Counts {
            if (lent < 0 || borrowed < 0) {
                throw new IllegalArgumentException("lent and borrowed must not be negative: " + lent + ", " + borrowed);
            }
        }
    }

    private static final LendingStatistics EMPTY = new LendingStatistics(Map.of());

    /** By folded library code, in file order. */
    private final Map<String, Counts> counts;

    private LendingStatistics(Map<String, Counts> counts) {
        this.counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** No statistics: every library 0/0, so only the batch's own assignments balance the load. */
    public static LendingStatistics empty() {
        return EMPTY;
    }

    /** @throws IllegalArgumentException when two keys are the same library ignoring case */
    public static LendingStatistics of(Map<String, Counts> counts) {
        Map<String, Counts> folded = new LinkedHashMap<>();
        counts.forEach((library, c) -> {
            Objects.requireNonNull(c, "counts of " + library);
            if (folded.put(LenderPolicy.fold(library), c) != null) {
                throw new IllegalArgumentException("library " + library + " is given twice");
            }
        });
        return new LendingStatistics(folded);
    }

    /** @throws PolicyFileException when the file cannot be read or a line is wrong (the message names it) */
    public static LendingStatistics read(Path file) {
        try {
            return read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new PolicyFileException(file.toString(), 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads from {@code in} (not closed), named {@code sourceName} in errors. */
    public static LendingStatistics read(InputStream in, String sourceName) {
        try {
            return read(in.readAllBytes(), sourceName);
        } catch (IOException e) {
            throw new PolicyFileException(sourceName, 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The counts of {@code library}; {@link Counts#NONE} when unlisted. */
    public Counts counts(String library) {
        return counts.getOrDefault(LenderPolicy.fold(library), Counts.NONE);
    }

    /** How many libraries are listed. */
    public int size() {
        return counts.size();
    }

    @Override
    public String toString() {
        return "LendingStatistics[" + counts.size() + " libraries]";
    }

    // One bad line refuses the whole file rather than being skipped: a silently missing library
    // would count as 0/0 and be asked first, the opposite of what its numbers say.
    private static LendingStatistics read(byte[] bytes, String source) {
        String text;
        try {
            text = CsvText.utf8(bytes);
        } catch (CsvText.NotUtf8 e) {
            throw new PolicyFileException(source, e.line, 0, null, "the file is not UTF-8 (" + e.getMessage()
                    + "); save it as UTF-8, e.g. iconv -f latin1 -t utf-8");
        }
        List<CsvText.Row> rows = CsvText.rows(text);
        if (rows.isEmpty()) {
            throw new PolicyFileException(source, 0, 0, null, "no header row (expected " + String.join(",", COLUMNS) + ")");
        }
        CsvText.Row header = rows.get(0);
        int[] column = header(source, header);
        Map<String, Counts> out = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (CsvText.Row row : rows.subList(1, rows.size())) {
            if (row.error() != null) {
                throw new PolicyFileException(source, row.line(), 0, null, row.error());
            }
            if (row.fields().size() != header.fields().size()) {
                throw new PolicyFileException(source, row.line(), 0, null, row.fields().size()
                        + " columns where the header has " + header.fields().size());
            }
            String library = row.fields().get(column[0]).strip();
            if (library.isEmpty()) {
                throw new PolicyFileException(source, row.line(), column[0] + 1, "library", "no library code");
            }
            Integer earlier = firstLine.putIfAbsent(LenderPolicy.fold(library), row.line());
            if (earlier != null) {
                throw new PolicyFileException(source, row.line(), column[0] + 1, "library", "library " + library
                        + " is already on line " + earlier);
            }
            out.put(LenderPolicy.fold(library), new Counts(count(source, row, column[1], "lent"), count(source, row, column[2], "borrowed")));
        }
        return new LendingStatistics(out);
    }

    /** The index of each of {@link #COLUMNS} in the header. */
    private static int[] header(String source, CsvText.Row header) {
        if (header.error() != null) {
            throw new PolicyFileException(source, header.line(), 0, null, "broken header row: " + header.error());
        }
        int[] index = {-1, -1, -1};
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip();
            int known = COLUMNS.indexOf(name.toLowerCase(Locale.ROOT));
            if (known < 0) {
                throw new PolicyFileException(source, header.line(), i + 1, name, "unknown column (expected "
                        + String.join(",", COLUMNS) + ")");
            }
            if (index[known] >= 0) {
                throw new PolicyFileException(source, header.line(), i + 1, name, "column given twice");
            }
            index[known] = i;
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < index.length; k++) {
            if (index[k] < 0) {
                missing.add(COLUMNS.get(k));
            }
        }
        if (!missing.isEmpty()) {
            throw new PolicyFileException(source, header.line(), 0, null, "the header lacks " + String.join(", ", missing)
                    + " (expected " + String.join(",", COLUMNS) + ")");
        }
        return index;
    }

    private static int count(String source, CsvText.Row row, int column, String name) {
        String cell = row.fields().get(column).strip();
        try {
            int n = Integer.parseInt(cell);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the same message as a negative count
        }
        throw new PolicyFileException(source, row.line(), column + 1, name, "'" + cell + "' is not a whole number of 0 or more");
    }
}
