package io.quotaflow.target;

import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.ServiceStartupScenario;

@ServiceIT
class TargetServiceStartupIT extends ServiceStartupScenario {

    @Override
    protected String whoamiPath() {
        return "/api/targets/whoami";
    }
}
