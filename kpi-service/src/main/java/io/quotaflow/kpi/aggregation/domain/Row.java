package io.quotaflow.kpi.aggregation.domain;

import io.quotaflow.events.activity.LeadChannel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One contribution to the figures: amounts of some measures, on a day, by a rep, attributed to the rep's team and
 * region of that day, and along the dimensions the event carries (product line, lead channel, promotion code).
 * Each row counts for every scope it names: the rep, the team, the region, the product line and the company.
 */
public record Row(LocalDate day, String rep, String team, String region, String productLine, LeadChannel channel,
                  String promotion, Map<Measure, BigDecimal> values) {

    public Row {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(rep, "rep");
        EnumMap<Measure, BigDecimal> copy = new EnumMap<>(Measure.class);
        values.forEach((measure, value) -> {
            if (value != null && value.signum() != 0) {
                copy.put(measure, value);
            }
        });
        values = Collections.unmodifiableMap(copy);
        promotion = promotion == null || promotion.isBlank() ? null : promotion;
    }

    /** A row of one measure. */
    public static Row of(LocalDate day, Attribution by, String productLine, LeadChannel channel, String promotion,
                         Measure measure, BigDecimal value) {
        return new Row(day, by.rep(), by.team(), by.region(), productLine, channel, promotion, Map.of(measure, value));
    }

    /** The scopes the row counts for, from the rep up to the company. */
    public List<Scope> scopes() {
        List<Scope> scopes = new ArrayList<>(5);
        scopes.add(Scope.rep(rep));
        if (team != null) {
            scopes.add(Scope.team(team));
        }
        if (region != null) {
            scopes.add(new Scope(io.quotaflow.events.EntityType.REGION, region));
        }
        if (productLine != null) {
            scopes.add(new Scope(io.quotaflow.events.EntityType.PRODUCT_LINE, productLine));
        }
        scopes.add(Scope.COMPANY);
        return scopes;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
