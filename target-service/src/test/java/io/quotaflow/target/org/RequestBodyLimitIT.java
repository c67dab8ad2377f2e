package io.quotaflow.target.org;

import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.quotaflow.target.org.OrgMother.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body limit (2 MB by default) holds on the bytes a service really reads, so a client cannot get past it by
 * leaving out {@code Content-Length} and streaming a chunked body: the service refuses with 413 and stores nothing.
 */
@ServiceIT
class RequestBodyLimitIT {

    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    RestTestClient http;

    @Test
    void shouldRefuseAChunked3MbBodyWithoutStoringAnything() throws Exception {
        String id = newId("region");

        HttpResponse<String> response = putChunked("/api/org/regions/" + id, regionNamed("x".repeat(3 * 1024 * 1024)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("body");
        assertThat(problem.at("/errors/0/message").asString()).isEqualTo("is larger than the limit of 2048 KB");
        new OrgApi(http, TestTokens.shared().admin()).get("regions/" + id).expectStatus().isNotFound();
    }

    @Test
    void shouldStoreAChunkedBodyWithinTheLimit() throws Exception {
        String id = newId("region");

        HttpResponse<String> response = putChunked("/api/org/regions/" + id, regionNamed("East China"));

        assertThat(response.statusCode()).isEqualTo(201);
        new OrgApi(http, TestTokens.shared().admin()).get("regions/" + id).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("East China");
    }

    private static byte[] regionNamed(String name) {
        return ("{\"name\":\"" + name + "\",\"marketType\":\"MATURE\",\"growthRate\":0.05}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A PUT whose length is not declared: the JDK client streams it with {@code Transfer-Encoding: chunked}. */
    private HttpResponse<String> putChunked(String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.shared().admin())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
