package io.quotaflow.activity.imports;

import io.quotaflow.activity.ingestion.ActivityValidator;
import io.quotaflow.activity.ingestion.IngestionProperties;
import io.quotaflow.activity.ingestion.Outcome;
import io.quotaflow.activity.ingestion.RawActivity;
import io.quotaflow.platform.csv.CsvTable;
import org.junit.jupiter.api.Test;

import java.io.FilterInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import's own memory stays flat over a 200,000-row file: the file is generated as it is read (about 17 MB that
 * would take well over 100 MB as rows in memory), every row is validated by the real validator, and the heap in use
 * after a full GC is sampled as the import goes. Bound checked: it grows by less than {@value #HEAP_GROWTH_BOUND_MB}
 * MB, and no more than one batch of rows is ever handed on at once.
 */
class CsvImportFlatMemoryTest {

    private static final int ROWS = 200_000;
    private static final int BATCH = 1_000;
    private static final int HEAP_GROWTH_BOUND_MB = 16;
    private static final Instant NOW = Instant.parse("2027-01-20T02:00:00Z");

    @Test
    void shouldImport200000RowsWithFlatMemory() throws IOException {
        ActivityValidator validator = new ActivityValidator(new IngestionProperties(null, null, null, null, null, null));
        ActivityCsv csv = new ActivityCsv("flat-", ROWS, i -> i % 100 == 7);
        CountingStream file = new CountingStream(csv);
        List<Long> heapSamples = new ArrayList<>();
        int[] largestBatch = {0};
        int[] batches = {0};
        CsvImport.Ingest ingest = activities -> {
            largestBatch[0] = Math.max(largestBatch[0], activities.size());
            List<Outcome> outcomes = new ArrayList<>(activities.size());
            for (RawActivity activity : activities) {
                ActivityValidator.Validated validated = validator.validate(activity, NOW);
                outcomes.add(validated.isValid() ? new Outcome(UUID.randomUUID(), false, 202, List.of())
                        : new Outcome(null, false, Outcome.INVALID, validated.problems()));
            }
            return outcomes;
        };
        CsvImport.Progress progress = (counts, errors) -> {
            if (++batches[0] % 20 == 0) {
                heapSamples.add(usedHeapAfterGc());
            }
        };
        long baseline = usedHeapAfterGc();

        CsvImport.Counts counts;
        try (CsvTable.Rows rows = CsvTable.open(file, CsvImport.REQUIRED, CsvImport.OPTIONAL)) {
            counts = new CsvImport(BATCH, 1_000, ingest, progress).run(rows);
        }

        assertThat(counts.rowsRead()).isEqualTo(ROWS);
        assertThat(counts.rejected()).isEqualTo(ROWS / 100);
        assertThat(counts.accepted()).isEqualTo(ROWS - ROWS / 100);
        assertThat(counts.errorsTruncated()).as("2,000 errors, 1,000 kept").isTrue();
        assertThat(file.bytes).as("the file's size").isGreaterThan(16L << 20);
        assertThat(largestBatch[0]).isEqualTo(BATCH);
        assertThat(heapSamples).hasSize(ROWS / BATCH / 20);
        long growth = heapSamples.stream().mapToLong(Long::longValue).max().orElseThrow() - baseline;
        assertThat(growth).as("heap growth in bytes while importing %d MB", file.bytes >> 20)
                .isLessThan((long) HEAP_GROWTH_BOUND_MB << 20);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static final class CountingStream extends FilterInputStream {
        long bytes;

        CountingStream(ActivityCsv csv) {
            super(csv.stream());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            bytes += Math.max(0, n);
            return n;
        }
    }
}
