package io.quotaflow.gateway;

import java.util.Map;

/** What the stub services answer in place of the real ones' APIs. */
final class StubApis {

    /** One documented path per service, as its springdoc {@code /v3/api-docs} would list it. */
    static final Map<String, String> DOCUMENTED = Map.of(
            "target-service", "/api/targets/plans/{planId}",
            "activity-service", "/api/activities",
            "kpi-service", "/api/kpis/teams/{teamId}",
            "incentive-service", "/api/incentives/statements/{repId}");

    private StubApis() {
    }

    /** Each stub answers {@code GET /v3/api-docs} with a small OpenAPI 3.1 document of its own. */
    static void documentEveryService(StubServices services) {
        DOCUMENTED.forEach((service, path) -> services.answer(service, request ->
                request.path().equals("/v3/api-docs") ? StubServices.Answer.json(200, openApi(service, path)) : null));
    }

    private static String openApi(String service, String path) {
        String operation = service.replace("-", "") + "Get";
        return """
                {"openapi":"3.1.0","info":{"title":"%s","version":"v0"},
                 "servers":[{"url":"http://127.0.0.1:8089","description":"Generated server url"}],
                 "paths":{"%s":{"get":{"operationId":"%s","responses":{"200":{"description":"OK"}}}}}}
                """.formatted(service, path, operation);
    }
}
