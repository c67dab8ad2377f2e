package io.quotaflow.target.plan;

import io.quotaflow.target.plan.PlanViews.PlanView;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The plan endpoints as the tests call them, with a bearer token per call. */
final class PlanApi {

    private final RestTestClient http;

    PlanApi(RestTestClient http) {
        this.http = http;
    }

    PlanView create(PlanDraft draft, String token) {
        return http.post().uri("/api/targets/plans").headers(h -> h.setBearerAuth(token)).body(draft)
                .exchange().expectStatus().isCreated()
                .expectBody(PlanView.class).returnResult().getResponseBody();
    }

    PlanView approve(String planId, String token) {
        return http.post().uri("/api/targets/plans/{id}/approve", planId).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk()
                .expectBody(PlanView.class).returnResult().getResponseBody();
    }

    PlanView get(String planId, String token) {
        return http.get().uri("/api/targets/plans/{id}", planId).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk()
                .expectBody(PlanView.class).returnResult().getResponseBody();
    }

    PlanView revise(String planId, Revision revision, String token) {
        return http.post().uri("/api/targets/plans/{id}/revisions", planId).headers(h -> h.setBearerAuth(token))
                .body(revision).exchange().expectStatus().isCreated()
                .expectBody(PlanView.class).returnResult().getResponseBody();
    }

    RestTestClient.ResponseSpec post(String path, Object body, String token, Object... uriVariables) {
        return http.post().uri(path, uriVariables).headers(h -> h.setBearerAuth(token)).body(body).exchange();
    }

    RestTestClient.ResponseSpec fetch(String path, String token, Object... uriVariables) {
        return http.get().uri(path, uriVariables).headers(h -> h.setBearerAuth(token)).exchange();
    }
}
