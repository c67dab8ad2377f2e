package io.quotaflow.incentive;

import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.ServiceStartupScenario;

@ServiceIT
class IncentiveServiceStartupIT extends ServiceStartupScenario {

    @Override
    protected String whoamiPath() {
        return "/api/incentives/whoami";
    }
}
