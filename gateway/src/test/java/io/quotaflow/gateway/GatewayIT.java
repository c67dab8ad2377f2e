package io.quotaflow.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayIT {

    static final StubServices services = new StubServices();

    @DynamicPropertySource
    static void routesAndKeys(DynamicPropertyRegistry registry) {
        StubServices.NAMES.forEach(name ->
                registry.add(name.toUpperCase().replace('-', '_') + "_URL", () -> services.url(name)));
        registry.add("quotaflow.gateway.tokens.signing-key-location", () -> "file:" + TestKeys.writeSigningKey());
        registry.add("quotaflow.gateway.tokens.dev-tokens.enabled", () -> "true");
        registry.add("quotaflow.gateway.tokens.issuer", () -> "http://gateway.test");
    }

    @Autowired
    WebTestClient http;

    @LocalManagementPort
    int managementPort;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @BeforeEach
    void forgetEarlierRequests() {
        services.clear();
    }

    @Test
    void shouldAnswer401ProblemWithoutATokenAndNotRoute() {
        http.get().uri("/api/kpis/reps/r-001?period=2026-12").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Correlation-Id")
                .expectBody().jsonPath("$.status").isEqualTo(401);

        assertThat(services.received()).isEmpty();
    }

    @Test
    void shouldRouteEachPrefixToItsServiceWithTheCallersToken() {
        String token = devToken(Map.of("sub", "alice", "roles", List.of("MANAGER"), "teamIds", List.of("t-east")));
        Map<String, String> routes = Map.of(
                "/api/org/teams/t-east", "target-service",
                "/api/targets/plans/p-1", "target-service",
                "/api/activities", "activity-service",
                "/api/crm/owners/hubspot/42", "activity-service",
                "/api/kpis/company", "kpi-service",
                "/api/incentives/awards", "incentive-service");

        routes.forEach((path, service) -> http.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Correlation-Id", "corr-" + service)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service));

        assertThat(services.received()).hasSize(routes.size()).allSatisfy(request -> {
            assertThat(request.authorization()).isEqualTo("Bearer " + token);
            assertThat(request.correlationId()).isEqualTo("corr-" + request.service());
            assertThat(routes.get(request.path())).isEqualTo(request.service());
        });
    }

    @Test
    void shouldAnswerAPathTheFirewallRefusesWithA400ProblemAndNotRoute() throws Exception {
        String token = devToken(Map.of("sub", "ops", "roles", List.of("ADMIN")));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

        for (String path : List.of("/api/org/reps/..%2F..%2Fetc%2Fpasswd", "/api/kpis/reps/r%00x")) {
            java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(path).contains("\"field\":\"path\"");
        }
        assertThat(services.received()).isEmpty();
    }

    @Test
    void shouldCreateACorrelationIdAndForwardIt() {
        String token = devToken(Map.of("sub", "ops", "roles", List.of("ADMIN")));

        String returned = http.get().uri("/api/targets/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

        assertThat(returned).isNotBlank();
        assertThat(services.received()).singleElement()
                .satisfies(request -> assertThat(request.correlationId()).isEqualTo(returned));
    }

    @Test
    void shouldRejectATamperedTokenBeforeRouting() {
        String token = devToken(Map.of("sub", "r-001", "roles", List.of("REP"), "repId", "r-001"));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"REP\"", "\"ADMIN\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        // The genuine token first, so that the gateway remembers it: its altered copy must still be refused.
        http.get().uri("/api/targets/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk();
        services.clear();

        http.get().uri("/api/targets/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + tampered).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(services.received()).isEmpty();
    }

    @Test
    void shouldRejectATokenSignedByAnotherKey() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stranger").build(),
                new JWTClaimsSet.Builder().issuer("http://gateway.test").subject("mallory")
                        .claim("roles", List.of("ADMIN")).expirationTime(new Date(System.currentTimeMillis() + 60_000))
                        .build());
        jwt.sign(new RSASSASigner(stranger));

        http.get().uri("/api/kpis/company").header(HttpHeaders.AUTHORIZATION, "Bearer " + jwt.serialize()).exchange()
                .expectStatus().isUnauthorized();
        assertThat(services.received()).isEmpty();
    }

    @Test
    void shouldRouteATokenTheGatewayCanVerify() {
        http.get().uri("/api/kpis/company").header(HttpHeaders.AUTHORIZATION, "Bearer " + signed(claims -> {
                }))
                .exchange()
                .expectStatus().isOk();

        assertThat(services.received()).singleElement()
                .satisfies(request -> assertThat(request.service()).isEqualTo("kpi-service"));
    }

    @Test
    void shouldRejectExpiredForeignAndUnsignedTokensWithAProblemBeforeRouting() {
        String valid = signed(claims -> {
        });
        Map<String, String> refused = Map.of(
                "expired", signed(claims -> claims.expirationTime(new Date(System.currentTimeMillis() - 120_000))),
                "wrong issuer", signed(claims -> claims.issuer("http://issuer.elsewhere.test")),
                "wrong audience", signed(claims -> claims.audience("another-application")),
                "no audience", signed(claims -> claims.audience((String) null)),
                "unsigned (alg none)", new PlainJWT(claims().build()).serialize(),
                "signature cut off", valid.substring(0, valid.lastIndexOf('.') + 1));

        refused.forEach((kind, token) -> http.get().uri("/api/kpis/company")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().value(status -> assertThat(status).as(kind).isEqualTo(401))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.detail").isEqualTo("A valid bearer token is required.")
                .jsonPath("$.correlationId").exists());

        assertThat(services.received()).isEmpty();
    }

    @Test
    void shouldRefuseADeclaredBodyOverTheLimitWithoutRoutingIt() {
        http.put().uri("/api/org/regions/r-big").header(HttpHeaders.AUTHORIZATION, "Bearer " + signed(claims -> {
                }))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[3 * 1024 * 1024])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Correlation-Id")
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.errors[0].message").isEqualTo("is larger than the limit of 2048 KB");

        assertThat(services.received()).isEmpty();
    }

    @Test
    void shouldRefuseAChunked3MbBodyAndNeverPassItOnWhole() {
        Flux<DataBuffer> chunked = Flux.range(0, 48)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));

        http.put().uri("/api/org/regions/r-big").header(HttpHeaders.AUTHORIZATION, "Bearer " + signed(claims -> {
                }))
                .contentType(MediaType.APPLICATION_JSON).body(chunked, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.errors[0].message").isEqualTo("is larger than the limit of 2048 KB");

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> services.received().stream().noneMatch(StubServices.Received::wholeBody));
    }

    @Test
    void shouldPassAChunkedBodyWithinTheLimitOn() {
        Flux<DataBuffer> chunked = Flux.range(0, 4)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[16 * 1024]));

        http.put().uri("/api/org/regions/r-small").header(HttpHeaders.AUTHORIZATION, "Bearer " + signed(claims -> {
                }))
                .contentType(MediaType.APPLICATION_JSON).body(chunked, DataBuffer.class)
                .exchange()
                .expectStatus().isOk();

        assertThat(services.received()).singleElement().satisfies(request -> assertThat(request.wholeBody()).isTrue());
    }

    @Test
    void shouldAnswerHealthAloneOnThePublicPort() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            http.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void shouldKeepMetricsAndRoutesOffThePublicPort() {
        String admin = signed(claims -> {
        });
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/gateway/routes",
                "/actuator/health/diskSpace")) {
            http.get().uri(path).exchange()
                    .expectStatus().value(status -> assertThat(status).as(path).isEqualTo(401));
            String body = http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange()
                    .expectStatus().value(status -> assertThat(status).as(path + " with a token").isEqualTo(404))
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).as(path).doesNotContain("jvm_memory", "target-service", "diskSpace");
        }
        assertThat(services.received()).isEmpty();
    }

    @Test
    void shouldServeMetricsAndReadOnlyRoutesOnTheManagementPort() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();

        String metrics = management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        management.get().uri("/actuator/gateway/routes").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.route_id == 'target-service')]").exists();
        management.post().uri("/actuator/gateway/refresh").exchange()
                .expectStatus().value(status -> assertThat(status).as("routes are read-only").isIn(404, 405));

        assertThat(managementPort).isNotEqualTo(http.get().uri("/").exchange().returnResult(String.class).getUrl().getPort());
        assertThat(metrics).contains("application=\"gateway\"", "jvm_memory_used_bytes");
    }

    @Test
    void shouldPublishTheKeyThatVerifiesItsTokens() throws Exception {
        String token = devToken(Map.of("sub", "r-001", "roles", List.of("REP"), "repId", "r-001"));
        String jwks = http.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        RSAKey key = JWKSet.parse(jwks).getKeys().get(0).toRSAKey();
        SignedJWT jwt = SignedJWT.parse(token);

        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://gateway.test");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("quotaflow");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("repId")).isEqualTo("r-001");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("REP");
    }

    @Test
    void shouldNameEachBadFieldOfADevTokenRequest() {
        http.post().uri("/auth/dev-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of("REP", "KING")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'sub')]").exists()
                .jsonPath("$.errors[?(@.field == 'roles[1]')]").exists()
                .jsonPath("$.errors[?(@.field == 'repId')]").exists();

        String unreadable = http.post().uri("/auth/dev-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(unreadable).contains("\"field\":\"body\"", "is missing or not valid JSON")
                .doesNotContain("Exception", "jackson", "org.springframework", "Unexpected character");
    }

    @Test
    void shouldLetSignedWebhooksThroughWithoutAToken() {
        http.post().uri("/api/crm/webhook").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk();

        assertThat(services.received()).singleElement()
                .satisfies(request -> assertThat(request.service()).isEqualTo("activity-service"));
    }

    @Test
    void shouldKeepOtherCrmPathsBehindAToken() {
        http.put().uri("/api/crm/owners/hubspot/42").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("repId", "r-001"))
                .exchange()
                .expectStatus().isUnauthorized();
        assertThat(services.received()).isEmpty();
    }

    /** A token as the issuer would mint it ({@link #claims()}), changed by {@code change}, signed with its key. */
    private static String signed(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = claims();
        change.accept(claims);
        return TestKeys.signedByTheGateway(claims.build());
    }

    private static JWTClaimsSet.Builder claims() {
        return TestKeys.claims("http://gateway.test");
    }

    private String devToken(Map<String, Object> body) {
        return http.post().uri("/auth/dev-token").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("token").toString();
    }
}
