package io.quotaflow.target.org;

import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.quotaflow.target.org.OrgMother.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors are answered in our words at a real endpoint: field names and rules, never the text of a parser's,
 * converter's or framework's exception, nor the name of a class.
 */
@ServiceIT
class ProblemWordingIT {

    @Autowired
    RestTestClient http;

    private final String admin = TestTokens.shared().admin();

    @Test
    void shouldAnswerMalformedJsonNamingTheBodyAndStoreNothing() {
        String id = newId("region");

        String body = http.put().uri("/api/org/regions/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON).body("{\"name\":\"East\" \"marketType\":}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"field\":\"body\"", "\"message\":\"is not valid JSON\"")
                .doesNotContain("Unexpected character", "line:", "column:");
        assertNoFrameworkText(body);
        new OrgApi(http, admin).get("regions/" + id).expectStatus().isNotFound();
    }

    @Test
    void shouldNameTheExpectedShapeOfMistypedValues() {
        String parameter = http.get().uri("/api/targets/plans?period=December")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        String field = http.put().uri("/api/org/regions/{id}", newId("region"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"East\",\"marketType\":\"MATURE\",\"growthRate\":{\"value\":1}}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(field).contains("\"field\":\"growthRate\"", "must be a valid decimal number")
                .doesNotContain("BigDecimal", "RegionInput");
        assertThat(parameter).contains("\"field\":\"period\"", "must be a valid period (YYYY-MM)")
                .doesNotContain("YearMonth", "December");
        assertNoFrameworkText(field);
        assertNoFrameworkText(parameter);
    }

    @Test
    void shouldAnswerAMethodTheAddressDoesNotAllowInOurWords() {
        String body = http.delete().uri("/api/org/regions/{id}", newId("region"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("This method is not allowed here.").doesNotContain("Request method", "DELETE");
    }

    private static void assertNoFrameworkText(String body) {
        assertThat(body).doesNotContain("Exception", "java.", "tools.jackson", "org.springframework");
    }
}
