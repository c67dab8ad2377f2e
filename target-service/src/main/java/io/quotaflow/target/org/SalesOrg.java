package io.quotaflow.target.org;

import java.util.List;
import java.util.Optional;

/** The sales org as the rest of target-service reads it (plans decompose over it). */
public interface SalesOrg {

    List<Region> regions();

    List<ProductLine> productLines();

    List<Team> teams();

    List<Rep> reps();

    Optional<Team> team(String id);

    Optional<Rep> rep(String id);
}
