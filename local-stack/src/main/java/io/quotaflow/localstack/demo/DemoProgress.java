package io.quotaflow.localstack.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.Properties;

/**
 * How far the demo got, kept in the data directory ({@code demo-progress.properties}) so that a restart continues
 * instead of starting over: the demo month, the steps done, and how many of the month's activities were sent. Without
 * a data directory it lives in memory only. Written after each step and each streamed slice, through a temporary
 * file and an atomic move.
 */
final class DemoProgress {

    static final String FILE = "demo-progress.properties";

    private final Path file;
    private final Properties values = new Properties();

    private DemoProgress(Path file) {
        this.file = file;
    }

    static DemoProgress in(Path dataDir) {
        DemoProgress progress = new DemoProgress(dataDir == null ? null : dataDir.resolve(FILE));
        if (progress.file != null && Files.exists(progress.file)) {
            try (Reader reader = Files.newBufferedReader(progress.file, StandardCharsets.UTF_8)) {
                progress.values.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + progress.file, e);
            }
        }
        return progress;
    }

    /** The demo month, fixed when the demo first ran, so that a restart regenerates the same activity. */
    YearMonth month(YearMonth now) {
        String month = values.getProperty("month");
        if (month == null) {
            values.setProperty("month", now.toString());
            save();
            return now;
        }
        return YearMonth.parse(month);
    }

    boolean done(String step) {
        return Boolean.parseBoolean(values.getProperty(step));
    }

    void markDone(String step) {
        values.setProperty(step, "true");
        save();
    }

    int streamed() {
        return Integer.parseInt(values.getProperty("streamed", "0"));
    }

    void streamed(int count) {
        values.setProperty("streamed", Integer.toString(count));
        save();
    }

    private synchronized void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(writer, "Quotaflow demo: steps done and activities streamed (delete to seed again)");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
