package io.quotaflow.platform.org;

import io.quotaflow.events.org.OrgEvent;
import io.quotaflow.events.org.ProductLineChanged;
import io.quotaflow.events.org.RegionChanged;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The sales org as this service knows it: its own projection of target-service's {@code sales-org} topic, held
 * in memory and refreshed as the topic changes. No service calls another to learn who a rep is or which team
 * they are in. Enabled with {@code quotaflow.org.consume=true} (and {@code onSalesOrg} in the service's
 * {@code spring.cloud.function.definition}).
 */
public interface OrgDirectory {

    /**
     * The org of exactly these entities (of an entity given twice, the higher revision), unchanging: for tools and
     * tests that know the org up front.
     */
    static OrgDirectory of(Collection<? extends OrgEvent> entities) {
        return new FixedOrgDirectory(OrgSnapshot.of(List.<OrgEvent>copyOf(entities)));
    }

    Optional<RepChanged> rep(String repId);

    /** The team the rep was on that day (a rep who moved mid-month counts for each team on its own days). */
    Optional<String> teamOf(String repId, LocalDate day);

    Optional<TeamChanged> team(String teamId);

    Optional<RegionChanged> region(String regionId);

    Optional<ProductLineChanged> productLine(String productLineId);

    List<RepChanged> reps();

    List<TeamChanged> teams();

    List<RegionChanged> regions();

    List<ProductLineChanged> productLines();

    /** The reps on the team that day. */
    List<RepChanged> members(String teamId, LocalDate day);

    /** Grows whenever the directory changes (for caches built on top of it). */
    long revision();
}
