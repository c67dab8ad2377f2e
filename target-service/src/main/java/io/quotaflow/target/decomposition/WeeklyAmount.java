package io.quotaflow.target.decomposition;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The part of a monthly target falling in one ISO week, clipped to the month.
 *
 * @param week ISO week-based year and week, such as {@code 2026-W53}
 * @param from first day of the week within the month
 * @param to   last day of the week within the month
 */
public record WeeklyAmount(String week, LocalDate from, LocalDate to, BigDecimal amount) {
}
