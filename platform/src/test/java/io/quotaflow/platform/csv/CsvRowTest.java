package io.quotaflow.platform.csv;

import io.quotaflow.web.FieldProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRowTest {

    enum Size { SMALL, LARGE }

    @Test
    void shouldReadTypedCells() {
        CsvRow row = row(Map.of("share", "0.25", "rank", "3", "since", "2026-01-15", "size", "LARGE"));

        assertThat(row.decimal("share")).isEqualByComparingTo("0.25");
        assertThat(row.integer("rank")).isEqualTo(3);
        assertThat(row.date("since")).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(row.constant("size", Size.class)).isEqualTo(Size.LARGE);
        assertThat(row.problemsWith(List.of())).isEmpty();
    }

    @Test
    void shouldReadBlankAndMissingCellsAsNothing() {
        CsvRow row = row(Map.of("share", ""));

        assertThat(row.decimal("share")).isNull();
        assertThat(row.date("since")).isNull();
        assertThat(row.problemsWith(List.of())).isEmpty();
    }

    @Test
    void shouldNameEachCellThatCannotBeReadAsJsonBodiesDo() {
        CsvRow row = row(Map.of("share", "a lot", "rank", "2.5", "since", "2026-02-30", "size", "large"));

        assertThat(row.decimal("share")).isNull();
        assertThat(row.integer("rank")).isNull();
        assertThat(row.date("since")).isNull();
        assertThat(row.constant("size", Size.class)).isNull();
        assertThat(row.problemsWith(List.of())).containsExactly(
                new FieldProblem("rows[7].share", "must be a valid decimal number"),
                new FieldProblem("rows[7].rank", "must be a valid whole number"),
                new FieldProblem("rows[7].since", "must be a valid date (YYYY-MM-DD)"),
                new FieldProblem("rows[7].size", "must be one of [SMALL, LARGE]"));
    }

    @Test
    void shouldAddTheCallersProblemsNamedWithinTheRowUnlessTheCellIsAlreadyReported() {
        CsvRow row = row(Map.of("share", "a lot", "rank", "9"));
        row.decimal("share");

        List<FieldProblem> problems = row.problemsWith(List.of(
                new FieldProblem("share", "is required"),
                new FieldProblem("rank", "must be from 1 to 5, was 9")));

        assertThat(problems).containsExactly(
                new FieldProblem("rows[7].share", "must be a valid decimal number"),
                new FieldProblem("rows[7].rank", "must be from 1 to 5, was 9"));
    }

    private static CsvRow row(Map<String, String> cells) {
        return new CsvRow(7, cells, false);
    }
}
