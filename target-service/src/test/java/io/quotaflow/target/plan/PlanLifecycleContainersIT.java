package io.quotaflow.target.plan;

import io.quotaflow.testsupport.ServiceContainersIT;

/** The same lifecycle against the production images, where Docker exists. */
@ServiceContainersIT
class PlanLifecycleContainersIT extends PlanLifecycleIT {
}
