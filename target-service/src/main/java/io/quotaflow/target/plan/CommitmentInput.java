package io.quotaflow.target.plan;

import io.quotaflow.target.decomposition.EntityType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** What a manager commits a team, region or rep to reach (bottom-up), to set against the top-down target. */
public record CommitmentInput(
        @NotNull EntityType entityType,
        @NotBlank @Size(max = 64) String entityId,
        @NotNull @DecimalMin("0") @DecimalMax("999999999999.99") BigDecimal amount) {
}
