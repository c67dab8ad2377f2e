package io.quotaflow.incentive.whatif;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An extra deal to estimate: its amount (and optionally gross margin, product line, promotion, day, new customer). */
public record WhatIfRequest(String repId, BigDecimal amount, BigDecimal grossMargin, String productLine,
                            String promotionCode, LocalDate day, Boolean newCustomer) {
}
