package io.quotaflow.activity;

import io.quotaflow.web.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The activity API over HTTP, as one caller uses it. */
public final class ActivityApi {

    private final RestTestClient http;
    private final String token;

    public ActivityApi(RestTestClient http, String token) {
        this.http = http;
        this.token = token;
    }

    public ResponseSpec post(Body activity) {
        return postJson("/api/activities", activity.fields());
    }

    public ResponseSpec postRaw(String path, String contentType, byte[] body) {
        return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.parseMediaType(contentType)).body(body).exchange();
    }

    public ResponseSpec batch(List<Body> activities) {
        return postJson("/api/activities/batch", Map.of("activities", activities.stream().map(Body::fields).toList()));
    }

    public ResponseSpec postJson(String path, Object body) {
        return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    public ResponseSpec put(String path, Object body) {
        return http.put().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    public ResponseSpec get(String path) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    /** Posts one activity that must be accepted; its answer. */
    public Accepted accepted(Body activity) {
        return post(activity).expectStatus().isAccepted().expectBody(Accepted.class).returnResult().getResponseBody();
    }

    /** The errors of a problem response, once checked to be a problem with that status. */
    public static List<FieldProblem> problems(ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Problem.class).returnResult().getResponseBody().errors();
    }

    public record Accepted(UUID eventId, boolean duplicate) {
    }

    public record Problem(int status, String title, String detail, List<FieldProblem> errors) {
    }

    public record BatchResult(int accepted, int duplicates, List<Rejected> rejected, List<Result> results) {
        public record Rejected(int index, int status, List<FieldProblem> errors) {
        }

        public record Result(int index, UUID eventId, boolean duplicate, Integer status) {
        }
    }
}
