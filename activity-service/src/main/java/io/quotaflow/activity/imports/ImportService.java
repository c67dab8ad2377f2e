package io.quotaflow.activity.imports;

import io.quotaflow.activity.ingestion.Ingestion;
import io.quotaflow.activity.ingestion.Outcome;
import io.quotaflow.activity.ingestion.RawActivity;
import io.quotaflow.activity.ingestion.Via;
import io.quotaflow.activity.support.ServiceBusyException;
import io.quotaflow.platform.csv.CsvTable;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.platform.web.Correlation;
import io.quotaflow.web.InvalidInputException;
import io.quotaflow.platform.web.NotFoundException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * CSV imports of historical activity, run off the request thread. The upload is kept on disk (never in memory), its
 * header checked before the job is accepted, then its rows are ingested a batch at a time like any other activity
 * (same validation, same event ids): importing a file again changes nothing, every row is a duplicate.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final Ingestion ingestion;
    private final ImportJobs jobs;
    private final ImportProperties properties;
    private final Semaphore capacity;
    private final ExecutorService workers;

    ImportService(Ingestion ingestion, ImportJobs jobs, ImportProperties properties) {
        this.ingestion = ingestion;
        this.jobs = jobs;
        this.properties = properties;
        this.capacity = new Semaphore(properties.concurrency() + properties.queue());
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "csv-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Accepts an upload and starts importing it; the job as it starts. */
    public ImportJob start(Caller caller, MultipartFile file) {
        caller.requireAnyRole(Role.ADMIN, Role.INTEGRATION);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(CsvTable.FILE, "is required: a CSV file of activities");
        }
        if (!capacity.tryAcquire()) {
            throw new ServiceBusyException("Too many imports are running; try again in a minute.", Duration.ofMinutes(1));
        }
        Path copy = null;
        CsvTable.Rows rows = null;
        try {
            copy = Files.createTempFile("activity-import-", ".csv");
            file.transferTo(copy);
            rows = CsvTable.open(Files.newInputStream(copy), CsvImport.REQUIRED, CsvImport.OPTIONAL);
            String jobId = UUID.randomUUID().toString();
            jobs.create(jobId, file.getOriginalFilename(), caller.subject());
            String correlationId = Correlation.current().orElse(jobId);
            CsvTable.Rows opened = rows;
            Path owned = copy;
            workers.execute(() -> Correlation.with(correlationId, () -> run(jobId, opened, owned)));
            return get(caller, jobId);
        } catch (IOException e) {
            release(rows, copy);
            throw new UncheckedIOException("cannot keep the upload", e);
        } catch (RuntimeException e) {
            release(rows, copy);
            throw e;
        }
    }

    public ImportJob get(Caller caller, String jobId) {
        caller.requireAnyRole(Role.ADMIN, Role.INTEGRATION);
        return jobs.find(jobId).map(job -> ImportJobs.view(job, Instant.now().minus(properties.stallAfter())))
                .orElseThrow(() -> new NotFoundException("import", jobId));
    }

    private void run(String jobId, CsvTable.Rows rows, Path file) {
        long started = System.nanoTime();
        try {
            CsvImport csv = new CsvImport(properties.batchSize(), properties.maxErrors(), this::ingest,
                    (counts, errors) -> jobs.progress(jobId, counts, errors));
            CsvImport.Counts counts = csv.run(rows);
            jobs.finish(jobId);
            log.info("Import {} done in {} ms: {} rows, {} accepted, {} duplicates, {} rejected", jobId,
                    (System.nanoTime() - started) / 1_000_000, counts.rowsRead(), counts.accepted(), counts.duplicates(),
                    counts.rejected());
        } catch (InvalidInputException e) {
            jobs.fail(jobId, e.problems().stream().map(problem -> problem.field() + " " + problem.message())
                    .collect(Collectors.joining("; ")));
        } catch (RuntimeException e) {
            log.warn("Import {} failed", jobId, e);
            jobs.fail(jobId, "stopped: Kafka or the database did not answer, or the service stopped. Import the file "
                    + "again: the rows already imported count as duplicates.");
        } finally {
            release(rows, file);
        }
    }

    /** One batch, tried again with growing pauses while Kafka or MongoDB does not answer. */
    private List<Outcome> ingest(List<RawActivity> batch) {
        Duration pause = Duration.ofSeconds(1);
        for (int attempt = 0; ; attempt++) {
            try {
                return ingestion.ingest(batch, Via.CSV, System.nanoTime());
            } catch (EventPublisher.PublishFailedException | DataAccessException | com.mongodb.MongoException e) {
                if (attempt >= properties.publishRetries()) {
                    throw e;
                }
                log.warn("An import batch was not ingested ({}); trying again in {}", e.toString(), pause);
                sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
    }

    private void release(CsvTable.Rows rows, Path file) {
        if (rows != null) {
            rows.close();
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete {}: {}", file, e.toString());
            }
        }
        capacity.release();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted by a shutdown", e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
