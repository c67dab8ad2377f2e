package io.quotaflow.activity.timeline;

import io.quotaflow.activity.timeline.Timeline.Scope;
import io.quotaflow.events.activity.ActivityType;
import io.quotaflow.platform.config.OrganisationProperties;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Who may read which timeline. A rep's: the rep, the managers of their team, admins. A customer's: admins all of it,
 * managers the activities of their teams' reps (by the team the rep was on that day), reps their own activities.
 */
@Service
public class TimelineService {

    public static final int MAX_PAGE_SIZE = 200;
    public static final int DEFAULT_PAGE_SIZE = 50;

    private final TimelineReader reader;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    TimelineService(TimelineReader reader, OrgDirectory org, Clock clock, OrganisationProperties organisation) {
        this.reader = reader;
        this.org = org;
        this.clock = clock;
        this.zone = organisation.timeZone();
    }

    /** A request as sent: every parameter optional but one of {@code repId} and {@code customerId}. */
    public record Request(String repId, String customerId, String from, String to, String type, Integer page,
                          Integer size) {
    }

    /** A page of the timeline: activities newest first. */
    public record Page(List<Map<String, Object>> items, int page, int size, boolean hasMore, Long total) {
    }

    /** A rep id as the org spells it (as ingestion accepts it): no path, no control or formatting characters. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    public Page read(Caller caller, Request request) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
        List<FieldProblem> problems = new ArrayList<>();
        String repId = request.repId();
        if (repId == null && request.customerId() == null) {
            if (caller.has(Role.REP) && caller.repId() != null) {
                repId = caller.repId();
            } else {
                problems.add(new FieldProblem("repId", "is required (or customerId)"));
            }
        }
        if (repId != null && request.customerId() != null) {
            problems.add(new FieldProblem("customerId", "cannot be asked for together with repId"));
        }
        if (repId != null && !ID.matcher(repId).matches()) {
            problems.add(new FieldProblem("repId", "must be letters, digits, '.', '_', ':', '@' or '-'"));
        }
        Instant from = instant("from", request.from(), false, problems);
        Instant to = instant("to", request.to(), true, problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        String type = request.type();
        if (type != null && !isType(type)) {
            problems.add(FieldProblem.unreadable("type", ActivityType.class));
        }
        int page = request.page() == null ? 0 : request.page();
        int size = request.size() == null ? DEFAULT_PAGE_SIZE : request.size();
        if (page < 0 || page > 10_000) {
            problems.add(new FieldProblem("page", "must be between 0 and 10000"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TimelineReader.Page read;
        if (repId != null) {
            caller.requireRep(repId, org.teamOf(repId, today()).orElse(null));
            read = reader.read(new TimelineReader.Query(Scope.REP, repId, from, to, type, page, size),
                    item -> true, true);
        } else {
            Predicate<Map<String, Object>> visible = visibleTo(caller);
            read = reader.read(new TimelineReader.Query(Scope.CUSTOMER, request.customerId(), from, to, type, page,
                    size), visible, caller.isAdmin());
        }
        return new Page(read.items().stream().map(TimelineService::view).toList(), page, size, read.hasMore(),
                read.total());
    }

    private Predicate<Map<String, Object>> visibleTo(Caller caller) {
        if (caller.isAdmin()) {
            return item -> true;
        }
        return item -> {
            String itemRep = (String) item.get("repId");
            LocalDate day = ((Date) item.get("at")).toInstant().atZone(zone).toLocalDate();
            return caller.canSeeRep(itemRep, org.teamOf(itemRep, day).orElse(null));
        };
    }

    private static Map<String, Object> view(Map<String, Object> item) {
        Map<String, Object> view = new java.util.LinkedHashMap<>(item);
        view.remove("at");
        return view;
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    /** An ISO instant, or an ISO date: the start of that day ({@code from}) or the end of it ({@code to}). */
    private Instant instant(String name, String value, boolean endOfDay, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException unreadable) {
            problems.add(new FieldProblem(name, "must be a date (2027-01-20) or an ISO-8601 instant"));
            return null;
        }
    }

    private static boolean isType(String type) {
        for (ActivityType known : ActivityType.values()) {
            if (Objects.equals(known.name(), type)) {
                return true;
            }
        }
        return false;
    }
}
