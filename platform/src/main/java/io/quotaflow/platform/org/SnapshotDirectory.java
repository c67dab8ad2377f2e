package io.quotaflow.platform.org;

import io.quotaflow.events.org.ProductLineChanged;
import io.quotaflow.events.org.RegionChanged;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A directory that answers every question from a snapshot of the whole org; subclasses say which snapshot. */
abstract class SnapshotDirectory implements OrgDirectory {

    /** The org as it is now. */
    abstract OrgSnapshot current();

    @Override
    public Optional<RepChanged> rep(String repId) {
        return Optional.ofNullable(current().reps().get(repId));
    }

    @Override
    public Optional<String> teamOf(String repId, LocalDate day) {
        return current().teamOf(repId, day);
    }

    @Override
    public Optional<TeamChanged> team(String teamId) {
        return Optional.ofNullable(current().teams().get(teamId));
    }

    @Override
    public Optional<RegionChanged> region(String regionId) {
        return Optional.ofNullable(current().regions().get(regionId));
    }

    @Override
    public Optional<ProductLineChanged> productLine(String productLineId) {
        return Optional.ofNullable(current().productLines().get(productLineId));
    }

    @Override
    public List<RepChanged> reps() {
        return List.copyOf(current().reps().values());
    }

    @Override
    public List<TeamChanged> teams() {
        return List.copyOf(current().teams().values());
    }

    @Override
    public List<RegionChanged> regions() {
        return List.copyOf(current().regions().values());
    }

    @Override
    public List<ProductLineChanged> productLines() {
        return List.copyOf(current().productLines().values());
    }

    @Override
    public List<RepChanged> members(String teamId, LocalDate day) {
        return current().members(teamId, day);
    }

    @Override
    public long revision() {
        return current().revision();
    }
}
