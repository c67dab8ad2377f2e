package io.quotaflow.events.target;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The share of a monthly target falling on one working day. */
public record DailyTarget(LocalDate date, BigDecimal amount) {
}
