package io.quotaflow.incentive.whatif;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** The estimate: what each rule would pay for the deal, in all, and the statement's net now and with it. */
public record WhatIfView(String repId, YearMonth period, BigDecimal dealAmount, List<Line> estimates, BigDecimal extra,
                         String currency, BigDecimal currentNet, BigDecimal estimatedNet) {

    public record Line(String planId, String ruleId, String ruleType, BigDecimal amount, String explanation) {
    }
}
