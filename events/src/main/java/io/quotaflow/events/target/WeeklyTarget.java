package io.quotaflow.events.target;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The share of a monthly target falling in one ISO week, clipped to the month ({@code week} like {@code 2026-W49}). */
public record WeeklyTarget(String week, LocalDate from, LocalDate to, BigDecimal amount) {
}
