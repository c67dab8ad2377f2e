package io.quotaflow.activity.crm.webhook;

import io.quotaflow.activity.ActivityMother;
import io.quotaflow.activity.PublishedActivities;
import io.quotaflow.activity.Body;
import io.quotaflow.activity.TestOrg;
import io.quotaflow.activity.crm.CrmTestSettings;
import io.quotaflow.activity.crm.Signatures;
import io.quotaflow.events.EventIds;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.testsupport.ServiceIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/** The generic signed webhook: {@code X-Quotaflow-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}. */
@ServiceIT
class GenericWebhookIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;
    @Autowired
    OrgDirectory org;

    private PublishedActivities published;

    @BeforeEach
    void setUp() {
        TestOrg.ensure(org);
        published = PublishedActivities.tail();
    }

    @AfterEach
    void closeTap() {
        published.close();
    }

    @Test
    void shouldAcceptActivitySignedWithAnyActiveSecretSoThatKeysCanRotate() {
        Body signedOld = ActivityMother.followUpLogged(TestOrg.REP).with("source", "wecom-relay");
        Body signedNew = ActivityMother.dealClosed(TestOrg.REP).with("source", "wecom-relay");

        post(json(signedOld.fields()), header(json(signedOld.fields()), now(), CrmTestSettings.WEBHOOK_SECRET_OLD))
                .expectStatus().isAccepted().expectBody().jsonPath("$.duplicate").isEqualTo(false);
        post(json(signedNew.fields()), header(json(signedNew.fields()), now(), CrmTestSettings.WEBHOOK_SECRET_NEW))
                .expectStatus().isAccepted();

        awaitEvent(id(signedOld));
        awaitEvent(id(signedNew));
    }

    @Test
    void shouldTakeABatchOfCanonicalActivities() {
        Body first = ActivityMother.followUpLogged(TestOrg.REP).with("source", "dingtalk-relay");
        Body second = ActivityMother.leadCreated(TestOrg.REP).with("source", "dingtalk-relay");
        byte[] body = json(Map.of("activities", List.of(first.fields(), second.fields())));

        post(body, header(body, now(), CrmTestSettings.WEBHOOK_SECRET_NEW)).expectStatus().isAccepted()
                .expectBody().jsonPath("$.accepted").isEqualTo(2).jsonPath("$.results[1].eventId")
                .isEqualTo(id(second).toString());
    }

    @Test
    void shouldRefuseEveryBadSignaturePublishingNothing() {
        Body activity = ActivityMother.followUpLogged(TestOrg.REP).with("source", "wecom-relay");
        byte[] body = json(activity.fields());
        long now = now();
        byte[] tampered = json(activity.with("durationSeconds", 9999).fields());

        post(body, header(body, now, "not-a-secret-of-ours")).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post(body, header(body, now - Duration.ofMinutes(6).toSeconds(), CrmTestSettings.WEBHOOK_SECRET_NEW))
                .expectStatus().isUnauthorized();
        post(tampered, header(body, now, CrmTestSettings.WEBHOOK_SECRET_NEW)).expectStatus().isUnauthorized();
        post(body, "v1=" + HexFormat.of().formatHex(new byte[32])).expectStatus().isUnauthorized();
        post(body, null).expectStatus().isUnauthorized();

        published.assertNoneOf(id(activity));
    }

    private RestTestClient.ResponseSpec post(byte[] body, String signature) {
        RestTestClient.RequestBodySpec request = http.post().uri("/api/crm/webhook").contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header("X-Quotaflow-Signature", signature);
        }
        return request.body(body).exchange();
    }

    private static String header(byte[] body, long timestamp, String secret) {
        return "t=" + timestamp + ",v1=" + Signatures.hex(Signatures.hmacSha256(secret,
                (timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static byte[] json(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    private static UUID id(Body activity) {
        return EventIds.of((String) activity.get("source"), (String) activity.get("externalId"),
                (String) activity.get("type"));
    }

    private void awaitEvent(UUID id) {
        published.await(id);
    }
}
