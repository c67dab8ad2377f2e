package io.quotaflow.kpi.consumption.web;

import io.quotaflow.kpi.access.KpiAccess;
import io.quotaflow.kpi.consumption.ConsumptionStatus;
import io.quotaflow.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For operators and benchmarks: how far the figures are behind the topics (ADMIN). */
@RestController
class ConsumptionController {

    private final ConsumptionStatus status;
    private final KpiAccess access;

    ConsumptionController(ConsumptionStatus status, KpiAccess access) {
        this.status = status;
        this.access = access;
    }

    @GetMapping("/api/kpis/admin/consumption")
    ConsumptionStatus.Status consumption(Caller caller) throws Exception {
        access.admin(caller);
        return status.now();
    }
}
