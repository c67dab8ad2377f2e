package io.quotaflow.target.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quotaflow.events.TargetMetric;
import io.quotaflow.target.decomposition.NodeKey;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A month's target plan for one metric: its rules, its lifecycle (DRAFT → APPROVED → REVISED), the log
 * of its versions, bottom-up commitments and key strategies. The decomposed targets of each version are
 * kept apart, in {@link PlanVersion}s, which each entry of the log names: a version's targets become the
 * plan's only in the write that makes them its current version.
 *
 * <p>{@code revision} counts every change, for optimistic concurrency. {@code publishedVersion} is the last
 * version whose events Kafka acknowledged; {@code publicationPending} says a later one awaits publication —
 * set in the same single-document write as the change itself, so no change is ever lost to a crash.
 */
@Document("plans")
public record Plan(
        @Id String id,
        String name,
        YearMonth period,
        TargetMetric metric,
        BigDecimal total,
        String currency,
        PlanRules rules,
        PlanStatus status,
        int version,
        long revision,
        List<VersionEntry> versions,
        List<Commitment> commitments,
        List<Strategy> strategies,
        int publishedVersion,
        boolean publicationPending,
        String createdBy,
        Instant createdAt) {

    public Plan {
        versions = versions == null ? List.of() : List.copyOf(versions);
        commitments = commitments == null ? List.of() : List.copyOf(commitments);
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
    }

    static Plan draft(String id, String name, YearMonth period, TargetMetric metric, BigDecimal total,
                      String currency, PlanRules rules, List<Strategy> strategies, String by, Instant at) {
        return new Plan(id, name, period, metric, total, currency, rules, PlanStatus.DRAFT, 1, 0,
                List.of(new VersionEntry(1, VersionKind.CREATED, null, period.atDay(1), total, by, at,
                        id == null ? null : PlanVersion.idOf(id, 1))),
                List.of(), strategies, 0, false, by, at);
    }

    Plan approved(String by, Instant at) {
        return next(PlanStatus.APPROVED, version, total, rules, entries(new VersionEntry(version, VersionKind.APPROVED,
                null, period.atDay(1), total, by, at, targetsOf(version))), true);
    }

    /**
     * A new version of the plan, with {@code targets} as its targets (and their company total as its total):
     * re-planned in a draft, revised once assigned.
     */
    Plan newVersion(VersionKind kind, PlanVersion targets, PlanRules newRules, String reason, LocalDate effectiveFrom,
                    String by, Instant at) {
        int next = version + 1;
        if (!targets.planId().equals(id) || targets.version() != next) {
            throw new IllegalArgumentException(targets.id() + " are not the targets of " + id + " v" + next);
        }
        BigDecimal newTotal = targets.decomposition().company().monthly();
        PlanStatus newStatus = status.isAssigned() ? PlanStatus.REVISED : PlanStatus.DRAFT;
        return next(newStatus, next, newTotal, newRules,
                entries(new VersionEntry(next, kind, reason, effectiveFrom, newTotal, by, at, targets.id())),
                status.isAssigned());
    }

    /** The id of the {@link PlanVersion} holding the targets of {@code version}. */
    String targetsOf(int version) {
        return versions.stream().filter(entry -> entry.version() == version).reduce((first, second) -> second)
                .map(entry -> entry.targets() != null ? entry.targets() : PlanVersion.idOf(id, version))
                .orElseThrow(() -> new IllegalStateException("plan " + id + " has no version " + version));
    }

    Plan withCommitment(Commitment commitment) {
        List<Commitment> updated = new ArrayList<>(commitments.stream()
                .filter(existing -> !existing.node().equals(commitment.node())).toList());
        updated.add(commitment);
        return new Plan(id, name, period, metric, total, currency, rules, status, version, revision + 1, versions,
                updated, strategies, publishedVersion, publicationPending, createdBy, createdAt);
    }

    Plan withStrategy(Strategy strategy) {
        List<Strategy> updated = new ArrayList<>(strategies.stream()
                .filter(existing -> !existing.node().equals(strategy.node())).toList());
        if (!strategy.text().isBlank()) {
            updated.add(strategy);
        }
        return new Plan(id, name, period, metric, total, currency, rules, status, version, revision + 1, versions,
                commitments, updated, publishedVersion, publicationPending, createdBy, createdAt);
    }

    public Optional<Commitment> commitment(NodeKey node) {
        return commitments.stream().filter(commitment -> commitment.node().equals(node)).findFirst();
    }

    public Optional<String> strategy(NodeKey node) {
        return strategies.stream().filter(strategy -> strategy.node().equals(node)).map(Strategy::text).findFirst();
    }

    /** The entry that made the current version. */
    public VersionEntry latestEntry() {
        return versions.stream().filter(entry -> entry.version() == version).reduce((first, second) -> second)
                .orElseThrow();
    }

    public int scale() {
        return metric.scale();
    }

    private Plan next(PlanStatus newStatus, int newVersion, BigDecimal newTotal, PlanRules newRules,
                      List<VersionEntry> newVersions, boolean publish) {
        return new Plan(id, name, period, metric, newTotal, currency, newRules, newStatus, newVersion, revision + 1,
                newVersions, commitments, strategies, publishedVersion, publish || publicationPending, createdBy,
                createdAt);
    }

    private List<VersionEntry> entries(VersionEntry added) {
        List<VersionEntry> all = new ArrayList<>(versions);
        all.add(added);
        return all;
    }

    public enum VersionKind {
        CREATED, APPROVED, ADOPTED, REVISED
    }

    /**
     * One step of the plan's history, with why and from when.
     *
     * @param targets the id of the {@link PlanVersion} holding this version's targets (stored, not shown);
     *                entries written before versions were named by it leave it null, for the old id
     */
    public record VersionEntry(int version, VersionKind kind, String reason, LocalDate effectiveFrom,
                               BigDecimal total, String by, Instant at, @JsonIgnore String targets) {
    }

    /** A bottom-up commitment for one team or rep. */
    public record Commitment(NodeKey node, BigDecimal amount, String by, Instant at) {
    }

    /** The key strategy (关键策略) noted for one node, shown in the target table. */
    public record Strategy(NodeKey node, String text) {
    }
}
