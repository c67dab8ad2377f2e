package io.quotaflow.target.plan;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.target.decomposition.Allocation;
import io.quotaflow.target.decomposition.EntityType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * A plan to decompose: saved as a DRAFT by {@code POST /api/targets/plans}, or only shown by
 * {@code POST /api/targets/plans:preview}. Missing parts take their defaults: levels 0.8 / 1.2, allocation
 * MARGIN_PRIORITY / GROWTH / CAPACITY, the service's calendar and ramp, no history.
 *
 * @param total    the company's target for the month, in the reporting currency for money metrics
 * @param history  last period's actuals, for the HISTORY and GROWTH allocations
 */
public record PlanDraft(
        @Size(max = 200) String name,
        @NotNull YearMonth period,
        @NotNull TargetMetric metric,
        @NotNull @Positive @DecimalMax("999999999999.99") BigDecimal total,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as CNY") String currency,
        @Valid LevelsInput levels,
        Allocation allocation,
        @Valid CalendarInput calendar,
        @Min(0) @Max(24) Integer rampMonths,
        @Size(max = 20_000) List<@Valid PriorActualInput> history,
        @Size(max = 20_000) List<@Valid StrategyInput> strategies) {

    public PlanDraft {
        history = history == null ? List.of() : history;
        strategies = strategies == null ? List.of() : strategies;
    }

    /** Fractions of the target: base in (0, 1], challenge at least 1. */
    public record LevelsInput(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal base,
            @NotNull @DecimalMin("1") @DecimalMax("10") BigDecimal challenge) {
    }

    /** Overrides the service's working calendar for this plan. */
    public record CalendarInput(
            @Size(max = 6) Set<DayOfWeek> weekend,
            @Size(max = 62) Set<LocalDate> holidays,
            @Size(max = 62) Set<LocalDate> extraWorkdays) {
    }

    public record PriorActualInput(
            @NotNull EntityType entityType,
            @NotBlank @Size(max = 64) String entityId,
            @NotNull @DecimalMin("0") @DecimalMax("999999999999.99") BigDecimal amount) {
    }

    public record StrategyInput(
            @NotNull EntityType entityType,
            @NotBlank @Size(max = 64) String entityId,
            @NotNull @Size(max = 1000) String strategy) {
    }
}
