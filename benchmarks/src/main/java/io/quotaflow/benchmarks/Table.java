package io.quotaflow.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table the harness prints: each figure, its baseline from the same run, the ratio, the goal, pass/miss. */
final class Table {

    /**
     * @param ratio value / baseline (NaN where the row has no baseline)
     * @param pass  null where the row states a fact without a goal
     */
    record Row(String id, String figure, double value, String unit, String baseline, double baselineValue,
               double ratio, String goal, Boolean pass) {

        String verdict() {
            return pass == null ? "–" : pass ? "pass" : "MISS";
        }
    }

    private final List<Row> rows = new ArrayList<>();

    /** In B1…B6 order (the order measured is another: B3 and B6 need the topic before the services start). */
    List<Row> rows() {
        return rows.stream().sorted(java.util.Comparator.comparing(Row::id)).toList();
    }

    /** A measured fact, the baseline others are compared with. */
    void fact(String id, String figure, double value, String unit) {
        rows.add(new Row(id, figure, value, unit, "", Double.NaN, Double.NaN, "", null));
    }

    /** value / baseline must reach {@code atLeast}. */
    void ratio(String id, String figure, double value, String unit, String baseline, double baselineValue,
               double atLeast) {
        double ratio = value / baselineValue;
        rows.add(new Row(id, figure, value, unit, baseline + " " + format(baselineValue) + " " + unit, baselineValue,
                ratio, "≥ " + format(atLeast) + "×", ratio >= atLeast));
    }

    /** value / baseline must stay at or below {@code atMost}. */
    void ratioAtMost(String id, String figure, double value, String unit, String baseline, double baselineValue,
                     double atMost) {
        double ratio = value / baselineValue;
        rows.add(new Row(id, figure, value, unit, baseline + " " + format(baselineValue) + " " + unit, baselineValue,
                ratio, "≤ " + format(atMost) + "×", ratio <= atMost));
    }

    /** An absolute bound: value below {@code limit} (or at least {@code limit} when {@code atLeast}). */
    void bound(String id, String figure, double value, String unit, double limit, boolean atLeast) {
        rows.add(new Row(id, figure, value, unit, "", Double.NaN, Double.NaN,
                (atLeast ? "≥ " : "< ") + format(limit) + " " + unit, atLeast ? value >= limit : value < limit));
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| | figure | value | baseline (same run) | ratio | goal | |\n");
        out.append("|---|---|---:|---|---:|---|---|\n");
        for (Row row : rows()) {
            out.append("| ").append(row.id()).append(" | ").append(row.figure()).append(" | ")
                    .append(format(row.value())).append(' ').append(row.unit()).append(" | ")
                    .append(row.baseline()).append(" | ")
                    .append(Double.isNaN(row.ratio()) ? "" : format(row.ratio()) + "×").append(" | ")
                    .append(row.goal()).append(" | ").append(row.verdict()).append(" |\n");
        }
        return out.toString();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
