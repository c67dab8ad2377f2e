package io.quotaflow.activity.owners;

import io.quotaflow.activity.support.ReadThroughCache;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import io.quotaflow.platform.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CRM users mapped to reps: a CRM names the owner of a deal or a call by its own user id, and an activity whose
 * {@code repId} is no rep of the org is accepted when its {@code (source, repId)} maps to one. Admins keep the
 * mappings; ingestion reads them for a whole batch at once through a cache (a change made on another instance is
 * seen within {@code quotaflow.activity.owners.cache-ttl}; on this instance at once).
 */
@Service
public class OwnerMappings {

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private final CrmOwners owners;
    private final OrgDirectory reps;
    private final Clock clock;
    private final ReadThroughCache<String> cache;

    OwnerMappings(CrmOwners owners, OrgDirectory reps, Clock clock,
                  @Value("${quotaflow.activity.owners.cache-ttl:10s}") Duration cacheTtl) {
        this.owners = owners;
        this.reps = reps;
        this.clock = clock;
        this.cache = new ReadThroughCache<>(cacheTtl, 100_000, ids -> {
            Map<String, String> found = new HashMap<>();
            owners.findAllById(ids).forEach(owner -> found.put(owner.id(), owner.repId()));
            return found;
        });
    }

    /** The rep each {@code source|ownerId} key maps to (one read for those not cached); unmapped keys are absent. */
    public Map<String, String> repsOf(Collection<String> keys) {
        return cache.getAll(keys);
    }

    // ---- the resource ------------------------------------------------------------------------------------------

    /** Maps the CRM user to a rep of the org; {@code true} when the mapping is new. */
    public boolean put(Caller caller, String source, String ownerId, String repId) {
        caller.requireAnyRole(Role.ADMIN);
        List<FieldProblem> problems = new ArrayList<>();
        if (!SOURCE.matcher(source).matches()) {
            problems.add(new FieldProblem("source", "must be lower-case letters, digits, '.', '_' or '-' (at most 64)"));
        }
        if (!OWNER.matcher(ownerId).matches()) {
            problems.add(new FieldProblem("ownerId", "must be letters, digits, '.', '_', ':', '@' or '-' (at most 128)"));
        }
        if (repId == null || repId.isBlank()) {
            problems.add(new FieldProblem("repId", "is required"));
        } else if (reps.rep(repId).isEmpty()) {
            problems.add(new FieldProblem("repId", "is no rep of the sales org"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String id = CrmOwner.idOf(source, ownerId);
        boolean created = !owners.existsById(id);
        owners.save(new CrmOwner(id, source, ownerId, repId, clock.instant(), caller.subject()));
        cache.invalidate(id);
        return created;
    }

    public CrmOwner get(Caller caller, String source, String ownerId) {
        caller.requireAnyRole(Role.ADMIN, Role.INTEGRATION);
        return owners.findById(CrmOwner.idOf(source, ownerId))
                .orElseThrow(() -> new NotFoundException("CRM owner", source + "/" + ownerId));
    }

    /** Every mapping (of one CRM when {@code source} is given): a small collection, one per CRM user. */
    public List<CrmOwner> all(Caller caller, String source) {
        caller.requireAnyRole(Role.ADMIN, Role.INTEGRATION);
        return owners.findAll(Sort.by("_id")).stream()
                .filter(owner -> source == null || owner.source().equals(source)).toList();
    }

    public void delete(Caller caller, String source, String ownerId) {
        caller.requireAnyRole(Role.ADMIN);
        String id = CrmOwner.idOf(source, ownerId);
        if (!owners.existsById(id)) {
            throw new NotFoundException("CRM owner", source + "/" + ownerId);
        }
        owners.deleteById(id);
        cache.invalidate(id);
    }
}
