package io.quotaflow.target.org;

import io.quotaflow.web.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;

import static io.quotaflow.target.org.OrgMother.newId;

/** The org API ({@code /api/org/...}) over HTTP, as one caller uses it. */
final class OrgApi {

    private final RestTestClient http;
    private final String token;

    OrgApi(RestTestClient http, String token) {
        this.http = http;
        this.token = token;
    }

    /** @param path below {@code /api/org/}, e.g. {@code regions/east} */
    ResponseSpec put(String path, Body body) {
        return http.put().uri("/api/org/" + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(body.fields()).exchange();
    }

    ResponseSpec get(String path) {
        return http.get().uri("/api/org/" + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    /** @param kind {@code regions}, {@code product-lines}, {@code teams} or {@code reps} */
    ResponseSpec importCsv(String kind, Csv csv) {
        return importFile(kind, csv.bytes());
    }

    ResponseSpec importFile(String kind, byte[] file) {
        return upload("/api/org/" + kind + "/import", file);
    }

    ResponseSpec dryRun(String kind, Csv csv) {
        return upload("/api/org/" + kind + "/import?dryRun=true", csv.bytes());
    }

    private ResponseSpec upload(String uri, byte[] file) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", file).filename("org.csv").contentType(MediaType.parseMediaType("text/csv"));
        return http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build()).exchange();
    }

    /** A new region, by PUT; its id. */
    String newRegion() {
        return created("regions", newId("region"), OrgMother.region());
    }

    String newProductLine() {
        return created("product-lines", newId("line"), OrgMother.productLine());
    }

    String newTeam(String regionId) {
        return created("teams", newId("team"), OrgMother.team(regionId));
    }

    String newRep(String teamId) {
        return created("reps", newId("rep"), OrgMother.rep(teamId));
    }

    private String created(String kind, String id, Body body) {
        put(kind + "/" + id, body).expectStatus().isCreated();
        return id;
    }

    /** The fields a problem response names, once checked to be a problem with that status. */
    static List<FieldProblem> problems(ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Problem.class).returnResult().getResponseBody().errors();
    }

    static List<String> fieldsNamedBy(ResponseSpec response) {
        return problems(response, HttpStatus.BAD_REQUEST).stream().map(FieldProblem::field).toList();
    }

    record Problem(int status, String detail, List<FieldProblem> errors) {
    }
}
