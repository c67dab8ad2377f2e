package io.quotaflow.platform.csv;

import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads an uploaded CSV file (RFC 4180, UTF-8, an optional byte-order mark) into {@link CsvRow}s, doing the
 * checks every import needs once: a header row naming the columns, each required column present and no
 * column named twice, at least one and at most {@code maxRows} data rows.
 *
 * <p>Cells are trimmed. Blank lines are skipped but counted, so a row's {@linkplain CsvRow#line() line} is the
 * line an editor shows it on (the header being line 1). Columns that were not asked for are ignored, as
 * unknown fields of a JSON body are.
 *
 * <p>A file that breaks these rules is refused with an {@link InvalidInputException} naming {@code file}, or
 * {@code file.<column>} for a column. What is wrong inside the cells is for the caller to say, through
 * {@link CsvRow}.
 */
public final class CsvTable {

    /** The field that problems of the file as a whole are reported on, as the upload's part is named. */
    public static final String FILE = "file";

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrim(true)
            .get();

    private CsvTable() {
    }

    /**
     * Reads the whole table and closes {@code csv}.
     *
     * @throws InvalidInputException if the file is not a CSV table with the required columns and 1 to
     *                               {@code maxRows} data rows
     */
    public static List<CsvRow> read(InputStream csv, List<String> requiredColumns, List<String> optionalColumns,
                                    int maxRows) {
        try (Rows rows = open(csv, requiredColumns, optionalColumns)) {
            List<CsvRow> all = new ArrayList<>();
            while (rows.hasNext()) {
                if (all.size() == maxRows) {
                    throw new InvalidInputException(FILE, "has more than " + maxRows + " rows");
                }
                all.add(rows.next());
            }
            if (all.isEmpty()) {
                throw new InvalidInputException(FILE, "has a header but no rows");
            }
            return all;
        }
    }

    /**
     * Opens the table for reading row by row, for files too large to hold in memory: the header is read and
     * checked now, each row only when asked for. Closing the rows closes {@code csv}.
     *
     * @throws InvalidInputException if the file has no header or the header lacks a required column; later,
     *                               from {@link Rows#next()}, if the file stops being valid CSV or UTF-8
     */
    public static Rows open(InputStream csv, List<String> requiredColumns, List<String> optionalColumns) {
        CSVParser parser;
        try {
            parser = FORMAT.parse(utf8WithoutByteOrderMark(csv));
        } catch (IOException e) {
            throw unreadable(e);
        }
        try {
            return new Rows(parser, requiredColumns, optionalColumns);
        } catch (UncheckedIOException e) {
            closeQuietly(parser);
            throw unreadable(e.getCause());
        } catch (RuntimeException e) {
            closeQuietly(parser);
            throw e;
        }
    }

    /**
     * The data rows of an open table, read as they are asked for. A fault of the file (not CSV, not UTF-8) is thrown
     * by the {@link #next()} that reaches it, after every row before it was handed out.
     */
    public static final class Rows implements Iterator<CsvRow>, AutoCloseable {

        private final CSVParser parser;
        private final Lines lines;
        private final Map<String, Integer> columns;
        private final int headerSize;
        private Line next;
        private RuntimeException fault;

        private Rows(CSVParser parser, List<String> requiredColumns, List<String> optionalColumns) {
            this.parser = parser;
            this.lines = new Lines(parser);
            Line header = lines.next();
            if (header == null) {
                throw new InvalidInputException(FILE, "is empty");
            }
            this.columns = columns(header.record(), requiredColumns, optionalColumns);
            this.headerSize = header.record().size();
            readAhead();
        }

        @Override
        public boolean hasNext() {
            return next != null || fault != null;
        }

        @Override
        public CsvRow next() {
            if (next == null) {
                if (fault != null) {
                    throw fault;
                }
                throw new NoSuchElementException();
            }
            CsvRow row = row(next, columns, headerSize);
            readAhead();
            return row;
        }

        @Override
        public void close() {
            closeQuietly(parser);
        }

        private void readAhead() {
            try {
                next = lines.next();
            } catch (UncheckedIOException e) {
                next = null;
                fault = unreadable(e.getCause());
            } catch (InvalidInputException e) {
                next = null;
                fault = e;
            }
        }
    }

    /** The position of each column asked for, by name. */
    private static Map<String, Integer> columns(CSVRecord header, List<String> requiredColumns,
                                                List<String> optionalColumns) {
        Map<String, Integer> positions = new HashMap<>();
        Set<String> wanted = new HashSet<>(requiredColumns);
        wanted.addAll(optionalColumns);
        Set<FieldProblem> problems = new LinkedHashSet<>();
        for (int position = 0; position < header.size(); position++) {
            String name = header.get(position);
            if (wanted.contains(name) && positions.putIfAbsent(name, position) != null) {
                problems.add(new FieldProblem(column(name), "is named more than once in the header"));
            }
        }
        requiredColumns.stream()
                .filter(name -> !positions.containsKey(name))
                .forEach(name -> problems.add(new FieldProblem(column(name), "is a required column")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(List.copyOf(problems));
        }
        return positions;
    }

    private static CsvRow row(Line line, Map<String, Integer> columns, int headerSize) {
        CSVRecord record = line.record();
        Map<String, String> cells = new HashMap<>();
        columns.forEach((name, position) -> cells.put(name, position < record.size() ? record.get(position) : ""));
        boolean cellsBeyondTheHeader = record.stream().skip(headerSize).anyMatch(cell -> !cell.isEmpty());
        return new CsvRow(line.number(), cells, cellsBeyondTheHeader);
    }

    private static String column(String name) {
        return FILE + "." + name;
    }

    private static Reader utf8WithoutByteOrderMark(InputStream csv) throws IOException {
        // A strict decoder: text saved in another encoding is refused, not imported as mojibake.
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8.newDecoder()));
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    private static void closeQuietly(CSVParser parser) {
        try {
            parser.close();
        } catch (IOException ignored) {
            // nothing more will be read from it
        }
    }

    private static RuntimeException unreadable(IOException cause) {
        if (cause instanceof CharacterCodingException) {
            return new InvalidInputException(FILE, "is not UTF-8 text");
        }
        return new UncheckedIOException("cannot read the uploaded CSV file", cause);
    }

    /** The non-blank records of a file, each with the line it starts on. */
    private static final class Lines {

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;

        Lines(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
        }

        /** The next non-blank record, or {@code null} at the end of the file. */
        Line next() {
            while (true) {
                long linesBefore = parser.getCurrentLineNumber();
                CSVRecord record = nextRecord(linesBefore + 1);
                if (record == null) {
                    return null;
                }
                if (record.stream().anyMatch(cell -> !cell.isEmpty())) {
                    return new Line(Math.toIntExact(linesBefore + 1), record);
                }
            }
        }

        /** Says where the file stops being CSV in our words; the parser's message is not for clients. */
        private CSVRecord nextRecord(long line) {
            try {
                return records.hasNext() ? records.next() : null;
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CSVException) {
                    throw new InvalidInputException(FILE, "is not valid CSV from line " + line
                            + " on: check the quotes of that row");
                }
                throw e;
            }
        }
    }

    private record Line(int number, CSVRecord record) {
    }
}
