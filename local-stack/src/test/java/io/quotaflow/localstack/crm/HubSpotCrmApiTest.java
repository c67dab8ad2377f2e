package io.quotaflow.localstack.crm;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRM API answers as HubSpot documents it, over real HTTP: token, 404, filtering, failures, requests. */
class HubSpotCrmApiTest {

    private static final Instant AT = Instant.parse("2027-01-19T03:00:00Z");
    private final HubSpotCrmApi api = HubSpotCrmApi.start("pat-test");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void shouldAnswerTheAskedPropertiesAndAssociationsOfAnObjectInHubSpotsShape() throws Exception {
        api.put("deals", "123", HubSpotCrmApi.object("deals", "123", Map.of("amount", "1000.55", "dealstage",
                "closedwon", "notes", "not asked"), Map.of("companies", List.of("co-7"), "contacts", List.of("9")),
                AT.minusSeconds(3600), AT));

        HttpResponse<String> answer = get("/crm/v3/objects/deals/123?properties=amount,dealstage&associations=companies",
                "pat-test");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode deal = JsonMapper.builder().build().readTree(answer.body());
        assertThat(deal.path("id").asString()).isEqualTo("123");
        assertThat(deal.path("properties").propertyNames()).containsExactlyInAnyOrder("amount", "dealstage",
                "hs_object_id");
        assertThat(deal.path("associations").propertyNames()).containsExactly("companies");
        assertThat(deal.path("associations").path("companies").path("results").path(0).path("type").asString())
                .isEqualTo("deal_to_company");
        assertThat(deal.path("updatedAt").asString()).isEqualTo("2027-01-19T03:00:00.000Z");
    }

    @Test
    void shouldRefuseAWrongTokenNotFindAnUnknownObjectAndFailWhereAsked() throws Exception {
        api.put("calls", "5", HubSpotCrmApi.object("calls", "5", Map.of(), Map.of(), AT, AT));
        api.failing("calls", "6", 503);

        assertThat(get("/crm/v3/objects/calls/5?properties=hs_timestamp", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/crm/v3/objects/calls/404?properties=hs_timestamp", "pat-test").body())
                .contains("OBJECT_NOT_FOUND");
        assertThat(get("/crm/v3/objects/calls/6?properties=hs_timestamp", "pat-test").statusCode()).isEqualTo(503);
        assertThat(api.requestsFor("calls", "6")).isEqualTo(1);
        assertThat(api.requests()).first().asString().startsWith("/crm/v3/objects/calls/5?").endsWith("auth=Bearer wrong");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Authorization",
                "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
