package io.quotaflow.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The table the run prints (and writes to {@code target/reliability-report.md}): one row per fault. */
final class Report {

    record Row(String fault, String observed, int deliveries, Slice.Comparison comparison) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final String mode;

    Report(String mode) {
        this.mode = mode;
    }

    synchronized void add(String fault, String observed, int deliveries, Slice.Comparison comparison) {
        rows.add(new Row(fault, observed, deliveries, comparison));
        System.out.println("[reliability] " + fault + " | " + observed + " | " + line(comparison));
    }

    private static String line(Slice.Comparison c) {
        if (c == null) {
            return "";
        }
        return "sent " + c.sent() + ", counted " + c.counted() + "/" + c.expectedCounted() + ", awarded "
                + c.awarded().toPlainString() + "/" + c.expectedAwards().toPlainString() + ", differences "
                + c.differences().size();
    }

    synchronized String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("Reliability run, ").append(mode).append(" form\n\n");
        out.append("| fault | observed | requests sent (with retries) | events sent | counted / expected (deals + calls) "
                + "| awarded / expected (CNY) | differences |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            Slice.Comparison c = row.comparison();
            out.append("| ").append(row.fault()).append(" | ").append(row.observed()).append(" | ")
                    .append(row.deliveries()).append(" | ");
            if (c == null) {
                out.append("– | – | – | 0 |\n");
            } else {
                out.append(c.sent()).append(" | ").append(c.counted()).append(" / ").append(c.expectedCounted())
                        .append(" | ").append(c.awarded().toPlainString()).append(" / ")
                        .append(c.expectedAwards().toPlainString()).append(" | ").append(c.differences().size())
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
