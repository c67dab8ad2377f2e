package io.quotaflow.incentive.payout.web;

import io.quotaflow.incentive.payout.Payroll;
import io.quotaflow.incentive.payout.PayrollExport;
import io.quotaflow.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/** The payroll export: JSON, or CSV with {@code Accept: text/csv}. */
@RestController
class PayoutController {

    private final PayrollExport payroll;

    PayoutController(PayrollExport payroll) {
        this.payroll = payroll;
    }

    @GetMapping(path = "/api/incentives/payouts", produces = MediaType.APPLICATION_JSON_VALUE)
    Payroll payouts(@RequestParam YearMonth period, Caller caller) {
        return payroll.of(period, caller);
    }

    @GetMapping(path = "/api/incentives/payouts", produces = "text/csv")
    ResponseEntity<byte[]> csv(@RequestParam YearMonth period, Caller caller) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"payouts-" + period + ".csv\"")
                .body(payroll.csv(period, caller).getBytes(StandardCharsets.UTF_8));
    }
}
