package io.quotaflow.platform.csv;

import io.quotaflow.web.FieldProblem;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One data row of a {@link CsvTable}: trimmed cells by column name and the line the row is on. Its cells are
 * read as typed values; a cell that cannot be read gives {@code null} and is remembered as a problem named
 * {@code rows[<line>].<column>}, so that every bad cell of a file can be reported at once.
 */
public final class CsvRow {

    private final int line;
    private final Map<String, String> cells;
    private final List<FieldProblem> problems = new ArrayList<>();

    CsvRow(int line, Map<String, String> cells, boolean cellsBeyondTheHeader) {
        this.line = line;
        this.cells = Map.copyOf(cells);
        if (cellsBeyondTheHeader) {
            problems.add(new FieldProblem("rows[" + line + "]", "has more cells than the header has columns"));
        }
    }

    /** The line of the file the row starts on; the header is line 1. */
    public int line() {
        return line;
    }

    /** How a problem with a column of this row is named: {@code rows[7].capacity}. */
    public String field(String column) {
        return "rows[" + line + "]." + column;
    }

    /** The cell's text, or {@code null} when it is blank or the file has no such column. */
    public String text(String column) {
        String cell = cells.get(column);
        return cell == null || cell.isEmpty() ? null : cell;
    }

    public BigDecimal decimal(String column) {
        return read(column, BigDecimal.class, BigDecimal::new);
    }

    public Integer integer(String column) {
        return read(column, Integer.class, Integer::valueOf);
    }

    /** An ISO date, {@code 2026-01-15}. */
    public LocalDate date(String column) {
        return read(column, LocalDate.class, LocalDate::parse);
    }

    /** A constant of {@code type}, spelt exactly as declared. */
    public <E extends Enum<E>> E constant(String column, Class<E> type) {
        return read(column, type, text -> Enum.valueOf(type, text));
    }

    /**
     * All that is wrong with this row: what could not be read, then {@code ruleProblems} (found by the caller
     * in what could, and named by column) for the cells not already reported.
     */
    public List<FieldProblem> problemsWith(List<FieldProblem> ruleProblems) {
        List<FieldProblem> all = new ArrayList<>(problems);
        Set<String> reported = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
        ruleProblems.stream()
                .map(problem -> new FieldProblem(field(problem.field()), problem.message()))
                .filter(problem -> !reported.contains(problem.field()))
                .forEach(all::add);
        return all;
    }

    /** A blank cell reads as {@code null}; a cell that does not parse too, and is remembered. */
    private <T> T read(String column, Class<T> type, Function<String, T> parse) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException | DateTimeException unreadable) {
            problems.add(FieldProblem.unreadable(field(column), type));
            return null;
        }
    }
}
