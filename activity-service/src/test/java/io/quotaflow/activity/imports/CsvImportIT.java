package io.quotaflow.activity.imports;

import io.quotaflow.activity.ActivityApi;
import io.quotaflow.activity.TestOrg;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CSV imports through the real service, broker and database: a file of 20,000 rows (1 in 1,000 rejected; set
 * {@code -Dquotaflow.import.rows=200000} for the full size, about three minutes per import on two busy cores) is
 * imported off the request thread while the client polls its progress; importing it again changes nothing, every
 * row is a duplicate. The import's flat memory over 200,000 rows is measured by {@link CsvImportFlatMemoryTest}: here
 * the database and the broker run in this JVM too, so the heap would measure them as well.
 */
@ServiceIT
class CsvImportIT {

    private static final int ROWS = Integer.getInteger("quotaflow.import.rows", 20_000);

    @Autowired
    RestTestClient http;
    @Autowired
    OrgDirectory org;

    private final TestTokens tokens = TestTokens.shared();
    private String token;

    @BeforeEach
    void setUp() {
        TestOrg.ensure(org);
        token = tokens.integration();
    }

    @Test
    void shouldImportALargeFileWithPollableProgressAndImportItAgainAsDuplicates() throws IOException {
        ActivityCsv csv = new ActivityCsv("imp-" + UUID.randomUUID() + "-", ROWS, i -> i % 1_000 == 3);
        Path file = Files.createTempFile("activities-", ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            csv.writeTo(out);
        }
        int bad = ROWS / 1_000;

        try {
            List<Job> seen = new ArrayList<>();
            Job first = importAndPoll(file, seen);

            assertThat(first.status()).isEqualTo("COMPLETED");
            assertThat(first.rowsRead()).isEqualTo(ROWS);
            assertThat(first.accepted()).isEqualTo(ROWS - bad);
            assertThat(first.duplicates()).isZero();
            assertThat(first.rejected()).isEqualTo(bad);
            assertThat(first.errors()).hasSize(bad).first().satisfies(error -> {
                assertThat(error.line()).isEqualTo(5);
                assertThat(error.status()).isEqualTo(400);
                assertThat(error.errors()).extracting(e -> e.field()).containsExactly("rows[5].amount");
            });
            assertThat(seen).as("progress a client saw while the job ran")
                    .anySatisfy(job -> assertThat(job.rowsRead()).isBetween(1L, ROWS - 1L));

            Job again = importAndPoll(file, new ArrayList<>());

            assertThat(again.status()).isEqualTo("COMPLETED");
            assertThat(again.accepted()).isZero();
            assertThat(again.duplicates()).isEqualTo(ROWS - bad);
            assertThat(again.rejected()).isEqualTo(bad);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void shouldRefuseAFileWithoutTheRequiredColumnsAtOnce() {
        byte[] csv = "externalId,type\nx-1,DEAL_CLOSED\n".getBytes(StandardCharsets.UTF_8);

        assertThat(ActivityApi.problems(upload(csv), HttpStatus.BAD_REQUEST)).extracting(problem -> problem.field())
                .containsExactly("file.repId", "file.occurredAt");
    }

    @Test
    void shouldFailAJobWhoseFileStopsBeingCsvAfterImportingTheRowsBefore() {
        String prefix = "broken-" + UUID.randomUUID() + "-";
        ActivityCsv csv = new ActivityCsv(prefix, 3, i -> false);
        String file = ActivityCsv.HEADER + csv.row(0) + csv.row(1) + "crm-export,\"unterminated\n";

        Job job = poll(upload(file.getBytes(StandardCharsets.UTF_8)), new ArrayList<>());

        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.failure()).startsWith("file is not valid CSV");
        assertThat(job.accepted()).isEqualTo(2);
    }

    @Test
    void shouldLetOnlyIntegrationsAndAdminsImport() {
        new ActivityApi(http, tokens.rep(TestOrg.REP)).get("/api/activities/imports/" + UUID.randomUUID())
                .expectStatus().isForbidden();
        new ActivityApi(http, tokens.admin()).get("/api/activities/imports/" + UUID.randomUUID())
                .expectStatus().isNotFound();
    }

    private Job importAndPoll(Path file, List<Job> seen) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new FileSystemResource(file)).contentType(MediaType.parseMediaType("text/csv"));
        return poll(http.post().uri("/api/activities/imports").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build()).exchange(), seen);
    }

    private RestTestClient.ResponseSpec upload(byte[] csv) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", csv).filename("activities.csv").contentType(MediaType.parseMediaType("text/csv"));
        return http.post().uri("/api/activities/imports").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build()).exchange();
    }

    /** Polls the job the upload started until it ends, noting each state seen. */
    private Job poll(RestTestClient.ResponseSpec upload, List<Job> seen) {
        Job started = upload.expectStatus().isAccepted().expectHeader().exists(HttpHeaders.LOCATION)
                .expectBody(Job.class).returnResult().getResponseBody();
        return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Job job = http.get().uri("/api/activities/imports/" + started.jobId())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isOk()
                    .expectBody(Job.class).returnResult().getResponseBody();
            seen.add(job);
            return job;
        }, job -> !job.status().equals("RUNNING"));
    }

    record Job(String jobId, String status, long rowsRead, long accepted, long duplicates, long rejected,
               List<RowError> errors, boolean errorsTruncated, String failure) {

        @Override
        public String toString() {
            return "Job[" + status + ", read " + rowsRead + ", accepted " + accepted + ", duplicates " + duplicates
                    + ", rejected " + rejected + " (" + errors.size() + " errors kept), failure " + failure + "]";
        }
    }

    record RowError(int line, int status, List<io.quotaflow.web.FieldProblem> errors) {
    }
}
