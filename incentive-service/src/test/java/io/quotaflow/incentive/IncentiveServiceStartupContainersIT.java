package io.quotaflow.incentive;

import io.quotaflow.testsupport.ServiceContainersIT;

@ServiceContainersIT
class IncentiveServiceStartupContainersIT extends IncentiveServiceStartupIT {
}
