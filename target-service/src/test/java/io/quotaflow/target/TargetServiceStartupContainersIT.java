package io.quotaflow.target;

import io.quotaflow.testsupport.ServiceContainersIT;

@ServiceContainersIT
class TargetServiceStartupContainersIT extends TargetServiceStartupIT {
}
