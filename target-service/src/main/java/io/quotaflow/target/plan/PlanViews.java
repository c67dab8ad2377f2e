package io.quotaflow.target.plan;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.target.decomposition.Allocation;
import io.quotaflow.target.decomposition.DailyAmount;
import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.decomposition.WeeklyAmount;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** What the plan API answers with. Money as decimal strings; ratios as numbers. */
public final class PlanViews {

    private PlanViews() {
    }

    /**
     * A plan with its decomposition.
     *
     * @param publication {@code NOT_ASSIGNED} for a draft, {@code PENDING} while Kafka has not acknowledged
     *                    the latest version's events (they go out as soon as it does), {@code PUBLISHED}
     */
    public record PlanView(String planId, String name, YearMonth period, TargetMetric metric, BigDecimal total,
                           String currency, LevelsView levels, Allocation allocation, PlanStatus status, int version,
                           int publishedVersion, String publication, List<String> warnings,
                           List<Plan.VersionEntry> versions, List<NodeView> nodes) {
    }

    public record LevelsView(double base, double challenge) {
    }

    /**
     * One responsible entity's target.
     *
     * @param weight the raw weight its share was computed from (see the decomposition rules)
     * @param share  its part of its parent's target (0..1)
     */
    public record NodeView(EntityType entityType, String entityId, String name, EntityType parentType,
                           String parentId, BigDecimal monthly, BigDecimal base, BigDecimal challenge, double weight,
                           double share, List<WeeklyAmount> weekly, List<DailyAmount> daily, String strategy,
                           BigDecimal commitment) {
    }

    public record PlanSummary(String planId, String name, YearMonth period, TargetMetric metric, BigDecimal total,
                              String currency, PlanStatus status, int version, String publication) {
    }

    /**
     * Top-down against bottom-up for one node.
     *
     * @param gap      bottom-up minus top-down: positive when the team commits to more than it was asked
     * @param source   {@code COMMITTED}, {@code ROLLED_UP} (sum of children's commitments) or {@code NONE}
     */
    public record ReconciliationRow(EntityType entityType, String entityId, String name, EntityType parentType,
                                    String parentId, BigDecimal topDown, BigDecimal bottomUp, BigDecimal gap,
                                    Double gapRatio, String source, String committedBy, Instant committedAt) {
    }

    public record ReconciliationView(String planId, int version, TargetMetric metric, String currency,
                                     BigDecimal topDown, BigDecimal bottomUp, BigDecimal gap,
                                     List<ReconciliationRow> rows) {
    }

    /**
     * One line of the target management table: 责任主体 | 目标类型 | 月度目标值 | 周均目标 | 关键策略.
     *
     * @param weeklyAverage the target per full working week: monthly × (working days in a week) / (working
     *                      days in the month), so 3,000,000 over four full weeks is 750,000
     */
    public record TableRow(EntityType entityType, String entityId, String name, String responsible, TargetMetric targetType,
                           BigDecimal monthlyTarget, BigDecimal weeklyAverage, BigDecimal base, BigDecimal challenge,
                           String keyStrategy) {
    }

    public record TargetTable(String planId, int version, YearMonth period, TargetMetric metric, String currency,
                              List<TableRow> rows) {
    }

    /** An assigned target of one entity, from an approved plan. */
    public record AssignedTarget(String planId, int planVersion, YearMonth period, TargetMetric metric,
                                 EntityType entityType, String entityId, String name, BigDecimal monthly,
                                 BigDecimal base, BigDecimal challenge, String currency, List<WeeklyAmount> weekly,
                                 List<DailyAmount> daily, LocalDate lastChangedFrom) {
    }

    public record CommitmentView(String planId, EntityType entityType, String entityId, BigDecimal amount,
                                 BigDecimal topDown, BigDecimal gap, String committedBy, Instant committedAt) {
    }
}
