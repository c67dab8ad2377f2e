package io.quotaflow.incentive.close;

import io.quotaflow.events.EventIds;
import io.quotaflow.events.org.RepChanged;
import io.quotaflow.events.org.TeamChanged;
import io.quotaflow.incentive.award.Award;
import io.quotaflow.incentive.award.Documents;
import io.quotaflow.incentive.award.Governing;
import io.quotaflow.incentive.award.IncentiveCollections;
import io.quotaflow.incentive.award.Keys;
import io.quotaflow.incentive.award.LineStatus;
import io.quotaflow.incentive.award.StatementLine;
import io.quotaflow.incentive.domain.AwardIds;
import io.quotaflow.incentive.domain.IncentivePlan;
import io.quotaflow.incentive.domain.PayeeRole;
import io.quotaflow.incentive.domain.RankRule;
import io.quotaflow.incentive.domain.Ranking;
import io.quotaflow.incentive.domain.TeamBonus;
import io.quotaflow.incentive.domain.TeamBonusRule;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.incentive.plan.PlanCatalog;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The awards only a period's end can decide: places of rank rules and team bonuses, from the latest attainment
 * kpi-service reported for each rep and team (the {@code rep_kpis} / {@code team_kpis} documents). Eligibility is
 * judged on the period's last day (team) and over the whole period (minimum activity: the larger of the activity
 * kpi-service reported and the activity this service counted).
 */
@Component
class PeriodAwards {

    private final PlanCatalog plans;
    private final OrgDirectory org;
    private final Governing governing;
    private final MongoTemplate mongo;

    PeriodAwards(PlanCatalog plans, OrgDirectory org, Governing governing, MongoTemplate mongo) {
        this.plans = plans;
        this.org = org;
        this.governing = governing;
        this.mongo = mongo;
    }

    /** The id of the close as the cause of its lines: one per period, so the lines' ids are fixed. */
    static UUID cause(YearMonth period) {
        return EventIds.of("period-close", period.toString());
    }

    List<StatementLine> of(YearMonth period, Collection<String> payees, Instant closedAt) {
        LocalDate lastDay = period.atEndOfMonth();
        Map<String, Document> kpis = read(IncentiveCollections.REP_KPIS, payees, period);
        Map<String, Document> sales = read(IncentiveCollections.REP_SALES, payees, period);
        List<StatementLine> lines = new ArrayList<>();
        for (IncentivePlan plan : plans.inEffectIn(period)) {
            List<String> eligible = payees.stream().filter(payee -> eligible(plan, payee, lastDay, kpis, sales)).toList();
            for (RankRule rule : plan.rules(RankRule.class)) {
                List<Ranking.Standing> standings = eligible.stream().map(payee -> standing(payee, kpis.get(payee),
                        rule.metric().name())).toList();
                for (Ranking.Place place : Ranking.places(rule, standings)) {
                    Document metric = metric(kpis.get(place.payeeId()), rule.metric().name());
                    String tied = place.tiedWith().isEmpty() ? "" : ", tied with " + String.join(", ", place.tiedWith());
                    lines.add(line(plan, rule, place.payeeId(), period, AwardIds.place(place.place()), place.amount(),
                            sources(metric), "place " + place.place() + " on " + rule.metric() + " ("
                                    + Documents.decimal(metric, "actual").toPlainString() + tied + ")", closedAt));
                }
            }
            for (TeamBonusRule rule : plan.rules(TeamBonusRule.class)) {
                lines.addAll(teamBonuses(plan, rule, period, kpis, sales, closedAt));
            }
        }
        return lines;
    }

    private List<StatementLine> teamBonuses(IncentivePlan plan, TeamBonusRule rule, YearMonth period,
                                            Map<String, Document> kpis, Map<String, Document> sales, Instant closedAt) {
        LocalDate lastDay = period.atEndOfMonth();
        List<TeamChanged> teams = org.teams().stream().filter(team -> plan.eligibility().coversTeam(team.teamId())).toList();
        Map<String, Document> teamKpis = read(IncentiveCollections.TEAM_KPIS, teams.stream().map(TeamChanged::teamId).toList(),
                period);
        List<StatementLine> lines = new ArrayList<>();
        for (TeamChanged team : teams) {
            Document metric = metric(teamKpis.get(team.teamId()), rule.metric().name());
            if (metric.isEmpty() || !TeamBonus.reached(rule, Documents.decimal(metric, "actual"), Documents.decimalOrNull(metric, "target"),
                    metric.getDouble("attainment"))) {
                continue;
            }
            String reached = "team " + team.teamId() + " reached " + rule.level().movePointRight(2).stripTrailingZeros()
                    .toPlainString() + "% of its " + rule.metric() + " target";
            List<String> memberIds = org.members(team.teamId(), lastDay).stream().map(RepChanged::repId)
                    .filter(rep -> plan.eligibility().pays(PayeeRole.REP))
                    .filter(rep -> activityMet(plan, rep, kpis, sales)).sorted().toList();
            Map<String, Document> memberKpis = read(IncentiveCollections.REP_KPIS, memberIds, period);
            List<TeamBonus.Member> members = memberIds.stream().map(rep -> new TeamBonus.Member(rep,
                    Documents.decimal(metric(memberKpis.get(rep), rule.metric().name()), "actual"),
                    governing.daysEmployed(rep, period))).toList();
            for (TeamBonus.Share share : TeamBonus.shares(rule, members, period, plan.eligibility().prorateNewHires())) {
                if (share.amount().signum() > 0) {
                    lines.add(line(plan, rule, share.payeeId(), period, team.teamId(), share.amount(), sources(metric),
                            reached + (rule.isPool() ? " (share of the pool by contribution)" : ""), closedAt));
                }
            }
            if (plan.eligibility().pays(PayeeRole.MANAGER) && team.managerId() != null && !rule.isPool()) {
                lines.add(line(plan, rule, team.managerId(), period, team.teamId(), rule.amountPerMember(),
                        sources(metric), reached + " (as its manager)", closedAt));
            }
        }
        return lines;
    }

    private boolean eligible(IncentivePlan plan, String payee, LocalDate lastDay, Map<String, Document> kpis,
                             Map<String, Document> sales) {
        return plan.eligibility().pays(PayeeRole.REP)
                && plan.eligibility().coversTeam(org.teamOf(payee, lastDay).orElse(null))
                && activityMet(plan, payee, kpis, sales);
    }

    private static boolean activityMet(IncentivePlan plan, String payee, Map<String, Document> kpis,
                                       Map<String, Document> sales) {
        return Governing.activityMet(plan, metric -> Math.max(
                Documents.decimal(metric(kpis.get(payee), metric), "actual").longValue(),
                sales.containsKey(payee) && sales.get(payee).get("activity") instanceof Document activity
                        && activity.get(metric) instanceof Number done ? done.longValue() : 0L));
    }

    private static StatementLine line(IncentivePlan plan, io.quotaflow.incentive.domain.Rule rule, String payee,
                                      YearMonth period, String tier, BigDecimal amount, List<UUID> sources,
                                      String description, Instant closedAt) {
        Award award = Award.of(plan, rule, payee, period, tier, plan.currency());
        return new StatementLine(Keys.line(award.awardId(), cause(period)), award.awardId(), plan.planId(),
                plan.version(), rule.ruleId(), rule.type().name(), tier, payee, amount, plan.currency(), LineStatus.PAID,
                period, period, sources, description, closedAt);
    }

    private static Ranking.Standing standing(String payee, Document kpi, String metric) {
        Document values = metric(kpi, metric);
        Object asOf = values.get("asOf");
        return new Ranking.Standing(payee, Documents.decimal(values, "actual"),
                asOf instanceof java.util.Date date ? date.toInstant() : null);
    }

    private Map<String, Document> read(String collection, Collection<String> owners, YearMonth period) {
        Map<String, Document> byOwner = new HashMap<>();
        if (owners.isEmpty()) {
            return byOwner;
        }
        List<String> ids = owners.stream().map(owner -> IncentiveCollections.id(owner, period)).toList();
        for (Document document : mongo.getCollection(collection).find(new Document("_id", new Document("$in", ids)))) {
            String id = document.getString("_id");
            byOwner.put(id.substring(0, id.lastIndexOf('|')), document);
        }
        return byOwner;
    }

    private static Document metric(Document kpi, String metric) {
        return Documents.nested(kpi, "metrics", metric);
    }

    private static List<UUID> sources(Document metric) {
        String eventId = metric.getString("eventId");
        return eventId == null ? List.of() : List.of(UUID.fromString(eventId));
    }
}
