package io.quotaflow.platform.org;

import io.quotaflow.events.org.OrgEvent;
import io.quotaflow.events.org.ProductLineChanged;
import io.quotaflow.events.org.RegionChanged;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An immutable view of the whole org at one moment. */
record OrgSnapshot(Map<String, RegionChanged> regions, Map<String, ProductLineChanged> productLines,
                   Map<String, TeamChanged> teams, Map<String, RepChanged> reps, long revision) {

    static final OrgSnapshot EMPTY = of(List.of());

    static OrgSnapshot of(List<OrgEvent> entities) {
        return new OrgSnapshot(index(entities, RegionChanged.class, RegionChanged::regionId),
                index(entities, ProductLineChanged.class, ProductLineChanged::productLineId),
                index(entities, TeamChanged.class, TeamChanged::teamId),
                index(entities, RepChanged.class, RepChanged::repId),
                entities.stream().mapToLong(OrgEvent::revision).sum());
    }

    private static <T extends OrgEvent> Map<String, T> index(List<OrgEvent> entities, Class<T> type,
                                                             Function<T, String> id) {
        return entities.stream().filter(type::isInstance).map(type::cast)
                .collect(Collectors.toMap(id, entity -> entity, (a, b) -> a.revision() >= b.revision() ? a : b,
                        TreeMap::new));
    }

    Optional<String> teamOf(String repId, LocalDate day) {
        RepChanged rep = reps.get(repId);
        return rep == null ? Optional.empty() : rep.teamOn(day);
    }

    List<RepChanged> members(String teamId, LocalDate day) {
        return reps.values().stream().filter(rep -> rep.teamOn(day).filter(teamId::equals).isPresent())
                .sorted(Comparator.comparing(RepChanged::repId)).toList();
    }
}
