package io.quotaflow.target.plan;

import io.quotaflow.target.decomposition.EntityType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A change to an approved plan, from {@code effectiveFrom} (default: today, or the first day of a period
 * still to come). Days before it keep their targets. A new {@code total} re-plans everything below the
 * company in proportion; a new amount for one node is made up by its siblings unless their parent changes
 * too; new {@code levels} move every base and challenge — the answer to "the target is too high": keep
 * the target, agree on a base (e.g. 80 %) everyone must reach and a challenge (e.g. 120 %) that pays more.
 */
public record Revision(
        @NotBlank @Size(max = 500) String reason,
        LocalDate effectiveFrom,
        @Positive @DecimalMax("999999999999.99") BigDecimal total,
        @Valid PlanDraft.LevelsInput levels,
        @Size(max = 5_000) List<@Valid Change> changes) {

    public Revision {
        changes = changes == null ? List.of() : changes;
    }

    /** A new monthly target for one node. */
    public record Change(
            @NotNull EntityType entityType,
            @NotBlank @Size(max = 64) String entityId,
            @NotNull @DecimalMin("0") @DecimalMax("999999999999.99") BigDecimal amount) {
    }
}
