package io.quotaflow.incentive.close.web;

import io.quotaflow.incentive.close.PeriodCloser;
import io.quotaflow.incentive.close.PeriodView;
import io.quotaflow.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;

/** Period close (ADMIN) and its state (ADMIN, MANAGER). Closing a closed period answers it again, unchanged. */
@RestController
class CloseController {

    private final PeriodCloser closer;

    CloseController(PeriodCloser closer) {
        this.closer = closer;
    }

    @PostMapping("/api/incentives/periods/{period}/close")
    PeriodView close(@PathVariable YearMonth period, Caller caller) {
        return closer.close(period, caller);
    }

    @GetMapping("/api/incentives/periods/{period}")
    PeriodView period(@PathVariable YearMonth period, Caller caller) {
        return closer.view(period, caller);
    }
}
