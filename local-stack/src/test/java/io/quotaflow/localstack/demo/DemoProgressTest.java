package io.quotaflow.localstack.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class DemoProgressTest {

    @Test
    void shouldContinueWhereTheLastRunStoppedWithADataDirectory(@TempDir Path dataDir) {
        DemoProgress first = DemoProgress.in(dataDir);
        assertThat(first.month(YearMonth.of(2026, 12))).isEqualTo(YearMonth.of(2026, 12));
        first.markDone("org");
        first.streamed(1234);

        DemoProgress restarted = DemoProgress.in(dataDir);

        assertThat(restarted.month(YearMonth.of(2027, 1))).as("the demo month stays").isEqualTo(YearMonth.of(2026, 12));
        assertThat(restarted.done("org")).isTrue();
        assertThat(restarted.done("targets")).isFalse();
        assertThat(restarted.streamed()).isEqualTo(1234);
        assertThat(dataDir.resolve(DemoProgress.FILE)).exists();
    }

    @Test
    void shouldStartFromNothingWithoutADataDirectory() {
        DemoProgress progress = DemoProgress.in(null);
        progress.markDone("org");

        assertThat(progress.done("org")).isTrue();
        assertThat(DemoProgress.in(null).done("org")).isFalse();
        assertThat(DemoProgress.in(null).streamed()).isZero();
    }
}
