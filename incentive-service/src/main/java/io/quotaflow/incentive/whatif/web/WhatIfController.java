package io.quotaflow.incentive.whatif.web;

import io.quotaflow.incentive.whatif.WhatIfRequest;
import io.quotaflow.incentive.whatif.WhatIfService;
import io.quotaflow.incentive.whatif.WhatIfView;
import io.quotaflow.platform.security.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What-if: a rep's estimated pay for one more deal (nothing is stored). */
@RestController
class WhatIfController {

    private final WhatIfService whatIf;

    WhatIfController(WhatIfService whatIf) {
        this.whatIf = whatIf;
    }

    @PostMapping("/api/incentives/what-if")
    WhatIfView estimate(@RequestBody WhatIfRequest request, Caller caller) {
        return whatIf.estimate(request, caller);
    }
}
