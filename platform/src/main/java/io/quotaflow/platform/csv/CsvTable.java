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
        try (CSVParser parser = FORMAT.parse(utf8WithoutByteOrderMark(csv))) {
            return rows(parser, requiredColumns, optionalColumns, maxRows);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static List<CsvRow> rows(CSVParser parser, List<String> requiredColumns, List<String> optionalColumns,
                                     int maxRows) {
        Lines lines = new Lines(parser);
        Line header = lines.next();
        if (header == null) {
            throw new InvalidInputException(FILE, "is empty");
        }
        Map<String, Integer> columns = columns(header.record(), requiredColumns, optionalColumns);
        List<CsvRow> rows = new ArrayList<>();
        for (Line line = lines.next(); line != null; line = lines.next()) {
            if (rows.size() == maxRows) {
                throw new InvalidInputException(FILE, "has more than " + maxRows + " rows");
            }
            rows.add(row(line, columns, header.record().size()));
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(FILE, "has a header but no rows");
        }
        return rows;
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
