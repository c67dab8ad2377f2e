package io.quotaflow.kpi;

import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.ServiceStartupScenario;

@ServiceIT
class KpiServiceStartupIT extends ServiceStartupScenario {

    @Override
    protected String whoamiPath() {
        return "/api/kpis/whoami";
    }
}
