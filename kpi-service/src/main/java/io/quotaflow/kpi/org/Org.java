package io.quotaflow.kpi.org;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What kpi-service needs to know of the sales org: who was on which team when, and what a team and product line are. */
public interface Org {

    /** The team the rep was on that day, if the rep was with the company and the org knows them. */
    Optional<String> teamOf(String repId, LocalDate day);

    /** The region a team belongs to. */
    Optional<String> regionOf(String teamId);

    /** The gross margin ratio of a product line (0.42 for 42 %). */
    Optional<BigDecimal> grossMarginOf(String productLineId);

    /** The reps who were on the team on at least one day of the period. */
    List<String> membersDuring(String teamId, YearMonth period);

    /** The teams the rep was on during the period. */
    Set<String> teamsDuring(String repId, YearMonth period);

    /** Every team the org knows. */
    List<String> teams();
}
