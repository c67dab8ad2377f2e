package io.quotaflow.kpi.attainment.domain;

import io.quotaflow.events.kpi.AttainmentChanged.Direction;
import io.quotaflow.events.kpi.AttainmentLevel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The attainment levels whose crossing is always announced: ratios of the target ({@code 0.5}) and the target's own
 * {@code BASE}, {@code TARGET} and {@code CHALLENGE} amounts (default {@code 0.5, BASE, TARGET, CHALLENGE}: 50 %,
 * 80 % base, 100 %, 120 % challenge with the usual levels).
 */
public final class Thresholds {

    private final List<String> names;

    public Thresholds(List<String> names) {
        for (String name : names) {
            if (!isLevel(name)) {
                try {
                    if (new BigDecimal(name).signum() <= 0) {
                        throw new IllegalArgumentException("a threshold ratio must be positive: " + name);
                    }
                } catch (NumberFormatException notANumber) {
                    throw new IllegalArgumentException("a threshold is BASE, TARGET, CHALLENGE or a ratio such as "
                            + "0.5, not " + name, notANumber);
                }
            }
        }
        this.names = List.copyOf(names);
    }

    public static Thresholds defaults() {
        return new Thresholds(List.of("0.5", "BASE", "TARGET", "CHALLENGE"));
    }

    public List<String> names() {
        return names;
    }

    /** The amount a threshold stands for under a plan; {@code null} when the plan has no such level. */
    public static BigDecimal amount(String name, TargetPlan plan) {
        if (name.equals(AttainmentLevel.BASE.name())) {
            return plan.base();
        }
        if (name.equals(AttainmentLevel.TARGET.name())) {
            return plan.monthly();
        }
        if (name.equals(AttainmentLevel.CHALLENGE.name())) {
            return plan.challenge();
        }
        return plan.monthly().multiply(new BigDecimal(name));
    }

    /** The thresholds {@code actual} has reached under {@code plan}, in configured order. */
    public Set<String> reached(BigDecimal actual, TargetPlan plan) {
        Set<String> reached = new LinkedHashSet<>();
        if (plan == null || !plan.isPositive()) {
            return reached;
        }
        for (String name : names) {
            BigDecimal amount = amount(name, plan);
            if (amount != null && amount.signum() > 0 && actual.compareTo(amount) >= 0) {
                reached.add(name);
            }
        }
        return reached;
    }

    /** The crossings from {@code before} to {@code after}: thresholds newly reached (UP) and lost (DOWN). */
    public List<Crossing> crossings(Set<String> before, Set<String> after) {
        List<Crossing> crossings = new ArrayList<>();
        for (String name : names) {
            if (after.contains(name) && !before.contains(name)) {
                crossings.add(new Crossing(name, Direction.UP));
            } else if (before.contains(name) && !after.contains(name)) {
                crossings.add(new Crossing(name, Direction.DOWN));
            }
        }
        return crossings;
    }

    /** The highest of BASE, TARGET, CHALLENGE in a set of reached thresholds. */
    public static AttainmentLevel levelOf(Set<String> reached) {
        if (reached.contains(AttainmentLevel.CHALLENGE.name())) {
            return AttainmentLevel.CHALLENGE;
        }
        if (reached.contains(AttainmentLevel.TARGET.name())) {
            return AttainmentLevel.TARGET;
        }
        if (reached.contains(AttainmentLevel.BASE.name())) {
            return AttainmentLevel.BASE;
        }
        return AttainmentLevel.BELOW_BASE;
    }

    private static boolean isLevel(String name) {
        return name.equals("BASE") || name.equals("TARGET") || name.equals("CHALLENGE");
    }

    /** One threshold crossed one way. */
    public record Crossing(String threshold, Direction direction) {
    }
}
