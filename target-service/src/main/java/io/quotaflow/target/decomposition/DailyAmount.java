package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The part of a monthly target falling on one working day. */
public record DailyAmount(LocalDate date, BigDecimal amount) {
}
