package io.quotaflow.target.org;

import io.quotaflow.platform.csv.CsvRow;
import io.quotaflow.platform.config.OrganisationProperties;
import io.quotaflow.platform.csv.CsvTable;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.platform.web.NotFoundException;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The sales org: regions, product lines, teams and reps.
 *
 * <p>Only admins write. An entity is written alone (PUT, which creates or replaces it) or in bulk (a CSV
 * import, all or nothing), under the same rules either way: {@link OrgValidator}.
 *
 * <p>Everyone else reads what their token lets them see: managers the regions, the product lines, their own
 * teams and those teams' reps; reps the regions, the product lines and themselves; integrations nothing.
 * Lists leave out what the caller may not see; asking for one such entity is refused.
 */
@Service
public class OrgService implements SalesOrg {

    /** The most data rows one CSV import takes. */
    public static final int MAX_IMPORT_ROWS = 5_000;

    private static final String ID = "id";
    private static final Sort BY_ID = Sort.by(ID);

    private final Regions regions;
    private final ProductLines productLines;
    private final Teams teams;
    private final Reps reps;
    private final OrgPublication publication;
    private final Clock clock;
    private final ZoneId zone;

    private final Kind<RegionInput, Region> regionKind;
    private final Kind<ProductLineInput, ProductLine> productLineKind;
    private final Kind<TeamInput, Team> teamKind;
    private final Kind<RepInput, Rep> repKind;

    OrgService(Regions regions, ProductLines productLines, Teams teams, Reps reps, OrgPublication publication,
               Clock clock, OrganisationProperties organisation) {
        this.regions = regions;
        this.productLines = productLines;
        this.teams = teams;
        this.reps = reps;
        this.publication = publication;
        this.clock = clock;
        this.zone = organisation.timeZone();
        this.regionKind = new Kind<>(regions, RegionInput.COLUMNS, RegionInput.OPTIONAL_COLUMNS,
                RegionInput::from, (id, region, references) -> OrgValidator.region(id, region));
        this.productLineKind = new Kind<>(productLines, ProductLineInput.COLUMNS, ProductLineInput.OPTIONAL_COLUMNS,
                ProductLineInput::from, (id, line, references) -> OrgValidator.productLine(id, line));
        this.teamKind = new Kind<>(teams, TeamInput.COLUMNS, TeamInput.OPTIONAL_COLUMNS,
                TeamInput::from, (id, team, references) -> OrgValidator.team(id, team, references::regionExists));
        this.repKind = new Kind<>(reps, RepInput.COLUMNS, RepInput.OPTIONAL_COLUMNS,
                RepInput::from, (id, rep, references) -> OrgValidator.rep(id, rep, references::teamExists));
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

    public ImportResult importRegions(Caller caller, InputStreamSource csv, boolean dryRun) {
        return importCsv(caller, regionKind, csv, dryRun);
    }

    public ImportResult importProductLines(Caller caller, InputStreamSource csv, boolean dryRun) {
        return importCsv(caller, productLineKind, csv, dryRun);
    }

    public ImportResult importTeams(Caller caller, InputStreamSource csv, boolean dryRun) {
        return importCsv(caller, teamKind, csv, dryRun);
    }

    public ImportResult importReps(Caller caller, InputStreamSource csv, boolean dryRun) {
        return importCsv(caller, repKind, csv, dryRun);
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

    /** Marks every region, product line, team and rep for publication again; answers how many. */
    public long republish(Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
        return publication.republishAll();
    }

    /**
     * Stores the entity and marks its new revision for publication in one write, then publishes it. A rep is
     * replaced only if nobody changed it since it was read (its team history depends on what it was).
     */
    @SuppressWarnings("unchecked")
    private <I extends OrgInput<T>, T> Upserted<T> put(Caller caller, Kind<I, T> kind, String id, I input) {
        caller.requireAnyRole(Role.ADMIN);
        List<FieldProblem> problems = kind.rules().check(id, input, new References());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        T entity;
        org.bson.Document written;
        boolean created;
        if (input instanceof RepInput rep) {
            Optional<org.bson.Document> stored = publication.stored(Rep.class, id);
            Optional<Rep> existing = reps.findById(id);
            created = existing.isEmpty();
            if (created) {
                entity = (T) rep.withId(id);
                written = publication.create(entity, id);
            } else {
                entity = (T) rep.replacing(existing.get(), today());
                written = publication.replace(entity, id, OrgPublication.revisionOf(stored.orElseThrow()));
            }
        } else {
            entity = input.withId(id);
            written = publication.upsert(entity, id);
            created = OrgPublication.revisionOf(written) == 1;
        }
        publication.publishNow(entity, written);
        return new Upserted<>(entity, created);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Checks every row before storing any, and reports every bad cell; stores all rows or none. */
    private <I extends OrgInput<T>, T> ImportResult importCsv(Caller caller, Kind<I, T> kind, InputStreamSource csv,
                                                              boolean dryRun) {
        caller.requireAnyRole(Role.ADMIN);
        References references = new References();
        Map<String, Integer> lineOfId = new HashMap<>();
        Map<String, T> entities = new LinkedHashMap<>();
        Map<String, I> inputs = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (CsvRow row : read(csv, kind)) {
            String id = row.text(ID);
            I input = kind.fromRow().apply(row);
            List<FieldProblem> broken = new ArrayList<>(kind.rules().check(id, input, references));
            broken.addAll(repeatedId(id, row.line(), lineOfId));
            List<FieldProblem> rowProblems = row.problemsWith(broken);
            if (rowProblems.isEmpty()) {
                entities.put(id, input.withId(id));
                inputs.put(id, input);
            }
            problems.addAll(rowProblems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<T> existing = kind.store().findAllById(entities.keySet());
        if (!dryRun && !entities.isEmpty()) {
            List<Object> stored = new ArrayList<>();
            Map<String, Rep> existingReps = new HashMap<>();
            existing.stream().filter(Rep.class::isInstance).map(Rep.class::cast).forEach(rep -> existingReps.put(rep.id(), rep));
            for (Map.Entry<String, I> row : inputs.entrySet()) {
                stored.add(row.getValue() instanceof RepInput rep && existingReps.containsKey(row.getKey())
                        ? rep.replacing(existingReps.get(row.getKey()), today())
                        : row.getValue().withId(row.getKey()));
            }
            publication.upsertAll(stored, OrgService::idOf);
        }
        return new ImportResult(entities.size(), entities.size() - existing.size(), existing.size(), dryRun);
    }

    private static String idOf(Object entity) {
        if (entity instanceof Region region) {
            return region.id();
        }
        if (entity instanceof ProductLine line) {
            return line.id();
        }
        if (entity instanceof Team team) {
            return team.id();
        }
        return ((Rep) entity).id();
    }

    /** An id the file already used on an earlier line is a problem: which of the rows would win? */
    private static List<FieldProblem> repeatedId(String id, int line, Map<String, Integer> lineOfId) {
        Integer firstLine = id == null ? null : lineOfId.putIfAbsent(id, line);
        return firstLine == null ? List.of() : List.of(new FieldProblem(ID, "repeats the id on line " + firstLine));
    }

    private static List<CsvRow> read(InputStreamSource csv, Kind<?, ?> kind) {
        List<String> columns = Stream.concat(Stream.of(ID), kind.columns().stream()).toList();
        try (InputStream in = csv.getInputStream()) {
            return CsvTable.read(in, columns, kind.optionalColumns(), MAX_IMPORT_ROWS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded CSV file", e);
        }
    }

    private static <T> T found(Optional<T> entity, String kind, String id) {
        return entity.orElseThrow(() -> new NotFoundException(kind, id));
    }

    /**
     * What writing one kind of entity takes: where it is stored, the CSV columns besides {@code id} and how a
     * row reads, and the rules its input obeys.
     */
    private record Kind<I extends OrgInput<T>, T>(MongoRepository<T, String> store, List<String> columns,
                                                  List<String> optionalColumns, Function<CsvRow, I> fromRow,
                                                  Rules<I> rules) {
    }

    @FunctionalInterface
    private interface Rules<I> {
        List<FieldProblem> check(String id, I input, References references);
    }

    /** Looks each referenced region or team up once per write, however many rows refer to it. */
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
