/**
 * The incentive rules as plain Java: plans and their validation, and every amount a rule pays (thresholds,
 * tiered commission, per-unit SPIFFs, ranks, team bonuses, proration). No Spring, MongoDB, Kafka or HTTP here
 * (kept so by {@code ArchitectureTest}); the projections, the period close and the web layer call these functions.
 */
package io.quotaflow.incentive.domain;
