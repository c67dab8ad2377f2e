package io.quotaflow.activity;

import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.ServiceStartupScenario;

@ServiceIT
class ActivityServiceStartupIT extends ServiceStartupScenario {

    @Override
    protected String whoamiPath() {
        return "/api/activities/whoami";
    }
}
