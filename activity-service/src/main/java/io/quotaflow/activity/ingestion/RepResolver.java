package io.quotaflow.activity.ingestion;

import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.activity.owners.CrmOwner;
import io.quotaflow.activity.owners.OwnerMappings;
import io.quotaflow.events.ingest.ActivityReported;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.platform.config.OrganisationProperties;
import io.quotaflow.web.FieldProblem;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the rep of each activity of a batch: its {@code repId} when the sales org has such a rep, otherwise the rep
 * that a CRM owner mapping of its {@code source} names (one read of the mappings for the whole batch); and checks
 * that the rep was with the company on the activity's day.
 */
@Component
class RepResolver {

    private final OrgDirectory reps;
    private final OwnerMappings owners;
    private final ZoneId zone;

    RepResolver(OrgDirectory reps, OwnerMappings owners, OrganisationProperties organisation) {
        this.reps = reps;
        this.owners = owners;
        this.zone = organisation.timeZone();
    }

    /** The rep, or why there is none. */
    record Resolution(String repId, FieldProblem problem) {
    }

    List<Resolution> resolve(List<ActivityReported> activities) {
        Set<String> unknown = new HashSet<>();
        for (ActivityReported activity : activities) {
            if (reps.rep(activity.repId()).isEmpty()) {
                unknown.add(CrmOwner.idOf(activity.source(), activity.repId()));
            }
        }
        Map<String, String> mapped = owners.repsOf(unknown);
        List<Resolution> resolutions = new ArrayList<>(activities.size());
        for (ActivityReported activity : activities) {
            resolutions.add(resolve(activity, mapped));
        }
        return resolutions;
    }

    private Resolution resolve(ActivityReported activity, Map<String, String> mapped) {
        Optional<RepChanged> rep = reps.rep(activity.repId());
        if (rep.isEmpty()) {
            String mappedRep = mapped.get(CrmOwner.idOf(activity.source(), activity.repId()));
            if (mappedRep == null) {
                return problem("is no rep of the sales org, and no CRM owner mapping of " + activity.source()
                        + " names it");
            }
            rep = reps.rep(mappedRep);
            if (rep.isEmpty()) {
                return problem("is mapped to " + mappedRep + ", who is no rep of the sales org");
            }
        }
        LocalDate day = activity.occurredAt().atZone(zone).toLocalDate();
        if (!rep.get().activeOn(day)) {
            return problem("names " + rep.get().repId() + ", who was not with the company on " + day);
        }
        return new Resolution(rep.get().repId(), null);
    }

    private static Resolution problem(String message) {
        return new Resolution(null, new FieldProblem(Field.REP_ID.wireName(), message));
    }
}
