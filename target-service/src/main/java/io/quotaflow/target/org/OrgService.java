package io.quotaflow.target.org;

import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.platform.web.FieldProblem;
import io.quotaflow.platform.web.InvalidInputException;
import io.quotaflow.platform.web.NotFoundException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sales org: regions, product lines, teams and reps.
 *
 * <p>Only admins write. A PUT creates or replaces one entity, if it obeys {@link OrgValidator}.
 *
 * <p>Everyone else reads what their token lets them see: managers the regions, the product lines, their own
 * teams and those teams' reps; reps the regions, the product lines and themselves; integrations nothing.
 * Lists leave out what the caller may not see; asking for one such entity is refused.
 */
@Service
public class OrgService implements SalesOrg {

    private static final Sort BY_ID = Sort.by("id");

    private final Regions regions;
    private final ProductLines productLines;
    private final Teams teams;
    private final Reps reps;

    private final Kind<RegionInput, Region> regionKind;
    private final Kind<ProductLineInput, ProductLine> productLineKind;
    private final Kind<TeamInput, Team> teamKind;
    private final Kind<RepInput, Rep> repKind;

    OrgService(Regions regions, ProductLines productLines, Teams teams, Reps reps) {
        this.regions = regions;
        this.productLines = productLines;
        this.teams = teams;
        this.reps = reps;
        this.regionKind = new Kind<>(regions, (id, region, references) -> OrgValidator.region(id, region));
        this.productLineKind = new Kind<>(productLines,
                (id, line, references) -> OrgValidator.productLine(id, line));
        this.teamKind = new Kind<>(teams,
                (id, team, references) -> OrgValidator.team(id, team, references::regionExists));
        this.repKind = new Kind<>(reps, (id, rep, references) -> OrgValidator.rep(id, rep, references::teamExists));
    }

    // Writes

    public Upserted<Region> put(Caller caller, String id, RegionInput region) {
        return put(caller, regionKind, id, region);
    }

    public Upserted<ProductLine> put(Caller caller, String id, ProductLineInput line) {
        return put(caller, productLineKind, id, line);
    }

    public Upserted<Team> put(Caller caller, String id, TeamInput team) {
        return put(caller, teamKind, id, team);
    }

    public Upserted<Rep> put(Caller caller, String id, RepInput rep) {
        return put(caller, repKind, id, rep);
    }

    // Reads, as the caller may see them

    public Region region(Caller caller, String id) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
        return found(regions.findById(id), "region", id);
    }

    public List<Region> regions(Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
        return regions();
    }

    public ProductLine productLine(Caller caller, String id) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
        return found(productLines.findById(id), "product line", id);
    }

    public List<ProductLine> productLines(Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
        return productLines();
    }

    public Team team(Caller caller, String id) {
        caller.requireTeam(id);
        return found(teams.findById(id), "team", id);
    }

    /** @param regionId only the teams of this region, if given */
    public List<Team> teams(Caller caller, String regionId) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER);
        List<Team> found = regionId == null ? teams() : teams.findByRegionId(regionId, BY_ID);
        return found.stream().filter(team -> caller.canSeeTeam(team.id())).toList();
    }

    /** A manager asking for a rep that does not exist is refused, as for a rep of another team: no hints. */
    public Rep rep(Caller caller, String id) {
        Optional<Rep> rep = reps.findById(id);
        caller.requireRep(id, rep.map(Rep::teamId).orElse(null));
        return found(rep, "rep", id);
    }

    /** @param teamId only the reps of this team, if given */
    public List<Rep> reps(Caller caller, String teamId) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER);
        List<Rep> found = teamId == null ? reps() : reps.findByTeamId(teamId, BY_ID);
        return found.stream().filter(rep -> caller.canSeeRep(rep.id(), rep.teamId())).toList();
    }

    // The whole org, for the rest of target-service

    @Override
    public List<Region> regions() {
        return regions.findAll(BY_ID);
    }

    @Override
    public List<ProductLine> productLines() {
        return productLines.findAll(BY_ID);
    }

    @Override
    public List<Team> teams() {
        return teams.findAll(BY_ID);
    }

    @Override
    public List<Rep> reps() {
        return reps.findAll(BY_ID);
    }

    @Override
    public Optional<Team> team(String id) {
        return teams.findById(id);
    }

    @Override
    public Optional<Rep> rep(String id) {
        return reps.findById(id);
    }

    private <I extends OrgInput<T>, T> Upserted<T> put(Caller caller, Kind<I, T> kind, String id, I input) {
        caller.requireAnyRole(Role.ADMIN);
        List<FieldProblem> problems = kind.rules().check(id, input, new References());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean created = !kind.store().existsById(id);
        return new Upserted<>(kind.store().save(input.withId(id)), created);
    }

    private static <T> T found(Optional<T> entity, String kind, String id) {
        return entity.orElseThrow(() -> new NotFoundException(kind, id));
    }

    /** What writing one kind of entity takes: where it is stored and the rules its input obeys. */
    private record Kind<I extends OrgInput<T>, T>(MongoRepository<T, String> store, Rules<I> rules) {
    }

    @FunctionalInterface
    private interface Rules<I> {
        List<FieldProblem> check(String id, I input, References references);
    }

    /** Looks each referenced region or team up once per write. */
    private final class References {

        private final Map<String, Boolean> regionIds = new HashMap<>();
        private final Map<String, Boolean> teamIds = new HashMap<>();

        boolean regionExists(String id) {
            return regionIds.computeIfAbsent(id, regions::existsById);
        }

        boolean teamExists(String id) {
            return teamIds.computeIfAbsent(id, teams::existsById);
        }
    }
}
