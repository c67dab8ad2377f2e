package io.quotaflow.kpi.archfixture.domain;

import org.springframework.util.Assert;

/** A domain class that reaches for Spring: the domain rule must name it. */
public final class SpringAwarePace {

    public static void check(Pace pace) {
        Assert.notNull(pace, "pace");
    }
}
