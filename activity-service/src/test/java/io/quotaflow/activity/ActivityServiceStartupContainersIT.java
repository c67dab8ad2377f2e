package io.quotaflow.activity;

import io.quotaflow.testsupport.ServiceContainersIT;

@ServiceContainersIT
class ActivityServiceStartupContainersIT extends ActivityServiceStartupIT {
}
