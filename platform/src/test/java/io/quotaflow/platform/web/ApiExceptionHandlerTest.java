package io.quotaflow.platform.web;

import io.quotaflow.web.HttpLimits;
import io.quotaflow.web.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiExceptionHandlerTest {

    private static final HttpLimits LIMITS = new HttpLimits(DataSize.ofKilobytes(1), DataSize.ofKilobytes(4));

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PlansController())
            .setControllerAdvice(new ApiExceptionHandler(LIMITS))
            .addFilters(new RequestSizeLimitFilter(LIMITS, new ProblemResponses(JsonMapper.builder().build())))
            .build();

    @Test
    void shouldNameTheNestedFieldThatCannotBeRead() throws Exception {
        mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":\"2026-12\",\"total\":\"100\",\"levels\":{\"base\":\"high\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("levels.base"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a valid decimal number"));
    }

    @Test
    void shouldNameABadPeriod() throws Exception {
        mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":\"December\",\"total\":\"100\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a valid period (YYYY-MM)"));
    }

    @Test
    void shouldNameEveryFieldThatBreaksAConstraint() throws Exception {
        mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":\"2026-12\",\"total\":\"-5\",\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:quotaflow:problem:invalid-input"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'total')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists());
    }

    @Test
    void shouldAnswerUnreadableJsonWithTheBody() throws Exception {
        mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON).content("{\"period\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void shouldNameMissingAndMistypedParameters() throws Exception {
        mvc.perform(get("/plans/p-1/weeks"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        mvc.perform(get("/plans/p-1/weeks").param("count", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a valid whole number"));
    }

    @Test
    void shouldMapDomainExceptionsToTheirStatus() throws Exception {
        mvc.perform(get("/plans/missing"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("plan missing does not exist"));
        mvc.perform(get("/plans/draft"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("planId"));
        mvc.perform(get("/plans/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("allocation.reps"));
    }

    @Test
    void shouldRefuseADeclaredLengthOverTheLimitBeforeReadingIt() throws Exception {
        mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON).content(planNamed("x".repeat(2000))))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].message").value("is larger than the limit of 1 KB"));
    }

    @Test
    void shouldRefuseABodyWithoutALengthOnceWhatIsReadPassesTheLimit() throws Exception {
        byte[] body = planNamed("x".repeat(2000)).getBytes(StandardCharsets.UTF_8);

        mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(request -> withoutContentLength(request, body)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value("The request body is larger than the limit of 1 KB."))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void shouldReadABodyWithoutALengthThatKeepsToTheLimit() throws Exception {
        byte[] body = planNamed("Q4").getBytes(StandardCharsets.UTF_8);

        mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(request -> withoutContentLength(request, body)))
                .andExpect(status().isOk());
    }

    private static String planNamed(String name) {
        return "{\"period\":\"2026-12\",\"total\":\"100\",\"name\":\"" + name + "\"}";
    }

    /** As a chunked request arrives: a body, but no length declared. */
    private static MockHttpServletRequest withoutContentLength(MockHttpServletRequest request, byte[] body) {
        MockHttpServletRequest chunked = new MockHttpServletRequest(request.getServletContext(), request.getMethod(),
                request.getRequestURI()) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        chunked.setContentType(request.getContentType());
        chunked.setContent(body);
        return chunked;
    }

    @Test
    void shouldAnswerAnInternalErrorWithoutItsText() throws Exception {
        String body = mvc.perform(get("/plans/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:quotaflow:problem:internal-error"))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("IllegalState", "secret", "mongodb", "io.quotaflow");
        assertNoFrameworkText(body);
    }

    @Test
    void shouldAnswerMalformedJsonWithoutTheParsersText() throws Exception {
        String body = mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2026-12\" \"name\":\"Q4\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].message").value("is not valid JSON"))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("Unexpected", "end-of-input", "line:", "column:");
        assertNoFrameworkText(body);
    }

    @Test
    void shouldNameTheExpectedShapeNotTheClassOfAMismatchedValue() throws Exception {
        String param = mvc.perform(get("/plans/p-1/weeks").param("count", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be a valid whole number"))
                .andReturn().getResponse().getContentAsString();
        String nested = mvc.perform(post("/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":\"2026-12\",\"total\":\"100\",\"name\":\"Q4\",\"levels\":\"high\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("levels"))
                .andExpect(jsonPath("$.errors[0].message").value("must be an object"))
                .andReturn().getResponse().getContentAsString();

        assertThat(param).doesNotContain("For input string", "NumberFormat", "\"int\"", "valid int");
        assertThat(nested).doesNotContain("Levels", "PlanRequest");
        assertNoFrameworkText(param);
        assertNoFrameworkText(nested);
    }

    @Test
    void shouldNotEchoWhyAValueCouldNotBeBuiltUnlessTheRuleIsOurs() throws Exception {
        String body = mvc.perform(post("/windows").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"window\":{\"from\":5,\"to\":1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("window"))
                .andExpect(jsonPath("$.errors[0].message").value("is invalid"))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/windows").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"window\":{\"from\":-1,\"to\":1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("window"))
                .andExpect(jsonPath("$.errors[0].message").value("must start at zero or later"));

        assertThat(body).doesNotContain("internal invariant", "Window");
        assertNoFrameworkText(body);
    }

    @Test
    void shouldNotSayWhichRuleRefusedTheCaller() throws Exception {
        String body = mvc.perform(get("/plans/secret"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("You are not allowed to do this."))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("r-9", "t-1");
    }

    @Test
    void shouldWordErrorsOfTheFrameworkItself() throws Exception {
        String body = mvc.perform(post("/plans/p-1/weeks").param("count", "1"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().exists("Allow"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("This method is not allowed here."))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("Request method", "POST");
    }

    /** No class, package or exception name of Java, Jackson or Spring. */
    private static void assertNoFrameworkText(String body) {
        assertThat(body).doesNotContain("Exception", "java.", "tools.jackson", "org.springframework", "Error:");
    }

    record Levels(BigDecimal base) {
    }

    record PlanRequest(YearMonth period, @Positive BigDecimal total, @NotBlank String name, Levels levels) {
    }

    record Window(int from, int to) {
        Window {
            if (from < 0) {
                throw new InvalidInputException("from", "must start at zero or later");
            }
            if (to < from) {
                throw new IllegalStateException("internal invariant broken in Window: " + to + " < " + from);
            }
        }
    }

    record WindowRequest(Window window) {
    }

    @RestController
    static class PlansController {

        @PostMapping("/plans")
        String create(@Valid @RequestBody PlanRequest request) {
            return "ok";
        }

        @PostMapping("/windows")
        String window(@RequestBody WindowRequest request) {
            return "ok";
        }

        @GetMapping("/plans/{id}/weeks")
        String weeks(@PathVariable String id, @RequestParam int count) {
            return "ok";
        }

        @GetMapping("/plans/{id}")
        String plan(@PathVariable String id) {
            switch (id) {
                case "missing" -> throw new NotFoundException("plan", id);
                case "draft" -> throw new ConflictException("planId", "plan draft is not approved");
                case "invalid" -> throw new InvalidInputException("allocation.reps", "weights sum to zero");
                case "secret" -> throw new AccessDeniedException("not allowed to see rep r-9 of team t-1");
                case "boom" -> throw new IllegalStateException("cannot reach mongodb://admin:secret@db in io.quotaflow.X");
                default -> {
                    return "ok";
                }
            }
        }
    }
}
