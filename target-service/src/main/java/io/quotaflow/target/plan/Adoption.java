package io.quotaflow.target.plan;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * Settles the gap between top-down targets and bottom-up commitments: keep the top-down plan, adopt the
 * commitments, or blend them ({@code blend} 0.5 = half way). A draft gets a new version; an assigned plan
 * is revised from today.
 */
public record Adoption(
        @NotNull Source source,
        @DecimalMin("0") @DecimalMax("1") BigDecimal blend,
        @Size(max = 500) String reason) {

    public enum Source {
        TOP_DOWN, BOTTOM_UP, BLEND
    }
}
