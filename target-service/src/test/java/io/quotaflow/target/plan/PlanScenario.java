package io.quotaflow.target.plan;

import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What every plan test starts from: the running service, tokens, the plan API and the sales org fixture. */
@ServiceIT
abstract class PlanScenario {

    @Autowired
    RestTestClient http;

    final TestTokens tokens = TestTokens.shared();
    final String admin = tokens.admin();
    PlanApi api;

    @BeforeEach
    void salesOrg() {
        SalesOrgFixture.ensure(http);
        api = new PlanApi(http);
    }
}
