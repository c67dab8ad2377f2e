package io.quotaflow.platform.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a CSV table (RFC 4180) that people open in a spreadsheet, without letting a cell run as a formula
 * (CSV injection, OWASP): a text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return is written with a single quote in front, so that Excel, LibreOffice or Google Sheets show it as
 * the text it is.
 *
 * <p>Numbers are written as they are: {@code -5.00} from a {@link BigDecimal} we format is a negative amount, not a
 * formula, and must stay a number in the sheet. Only text, which is where a client's words end up, is neutralised;
 * a text cell that merely looks numeric ({@code "-5"} sent as a name) gets the quote too.
 */
public final class CsvWriter {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

    private CsvWriter() {
    }

    /** The whole table: {@code header}, then one line per row, each cell as {@link #cell(Object)} says. */
    public static String write(List<String> header, Iterable<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            csv.printRecord(header.stream().map(CsvWriter::cell).toList());
            for (List<?> row : rows) {
                csv.printRecord(row.stream().map(CsvWriter::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell's text: empty for {@code null}, a number in plain notation, any other value neutralised. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        return neutralised(value.toString());
    }

    /** {@code text} with a single quote in front if a spreadsheet would take it for a formula. */
    public static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
