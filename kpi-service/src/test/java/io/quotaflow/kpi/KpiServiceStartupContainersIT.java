package io.quotaflow.kpi;

import io.quotaflow.testsupport.ServiceContainersIT;

@ServiceContainersIT
class KpiServiceStartupContainersIT extends KpiServiceStartupIT {
}
