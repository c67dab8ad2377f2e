package io.quotaflow.incentive.whatif;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.incentive.award.Governing;
import io.quotaflow.incentive.award.IncentiveCollections;
import io.quotaflow.incentive.domain.BusinessCalendar;
import io.quotaflow.incentive.domain.IncentivePlan;
import io.quotaflow.incentive.domain.RuleType;
import io.quotaflow.incentive.domain.WhatIf;
import io.quotaflow.incentive.statement.Access;
import io.quotaflow.incentive.statement.StatementReader;
import io.quotaflow.platform.config.OrganisationProperties;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.quotaflow.incentive.award.Documents.decimal;
import static io.quotaflow.incentive.award.Documents.decimalOrNull;
import static io.quotaflow.incentive.award.Documents.nested;

/**
 * What-if: a rep's estimated extra pay for one more deal, from their state documents (read by id) and the plans
 * that govern them on the deal's day ({@link WhatIf}).
 */
@Service
public class WhatIfService {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000.00");

    private final Governing governing;
    private final StatementReader statements;
    private final Access access;
    private final MongoTemplate mongo;
    private final BusinessCalendar calendar;
    private final String currency;
    private final Clock clock;

    WhatIfService(Governing governing, StatementReader statements, Access access, MongoTemplate mongo,
                  BusinessCalendar calendar, OrganisationProperties organisation, Clock clock) {
        this.governing = governing;
        this.statements = statements;
        this.access = access;
        this.mongo = mongo;
        this.calendar = calendar;
        this.currency = organisation.reportingCurrency().getCurrencyCode();
        this.clock = clock;
    }

    public WhatIfView estimate(WhatIfRequest request, Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
        String repId = request.repId() != null ? request.repId() : caller.repId();
        List<FieldProblem> problems = new ArrayList<>();
        if (repId == null) {
            problems.add(new FieldProblem("repId", "is required"));
        }
        if (request.amount() == null || request.amount().signum() <= 0 || request.amount().compareTo(MAX_AMOUNT) > 0
                || request.amount().stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("amount", "must be a positive amount with at most 2 decimals"));
        }
        if (request.grossMargin() != null && (request.grossMargin().signum() < 0 || request.amount() != null
                && request.grossMargin().compareTo(request.amount()) > 0)) {
            problems.add(new FieldProblem("grossMargin", "must be from 0 to the deal's amount"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate day = request.day() != null ? request.day() : calendar.day(clock.instant());
        YearMonth period = YearMonth.from(day);
        access.requirePayee(caller, repId, period);
        WhatIf.Deal deal = new WhatIf.Deal(request.amount(), request.grossMargin(), request.productLine(),
                request.promotionCode(), day, Boolean.TRUE.equals(request.newCustomer()));
        Document sales = read(IncentiveCollections.REP_SALES, repId, period);
        Document kpis = read(IncentiveCollections.REP_KPIS, repId, period);
        Document targets = read(IncentiveCollections.TARGETS, repId, period);
        List<WhatIfView.Line> lines = new ArrayList<>();
        for (IncentivePlan plan : governing.plansFor(repId, day)) {
            WhatIf.Situation situation = situation(plan, period, repId, sales, kpis, targets);
            WhatIf.estimate(plan, situation, deal).forEach(estimate -> lines.add(new WhatIfView.Line(plan.planId(),
                    estimate.ruleId(), estimate.ruleType().name(), estimate.amount(), estimate.explanation())));
        }
        BigDecimal extra = lines.stream().map(WhatIfView.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
        BigDecimal now = statements.statement(repId, period).net(currency);
        return new WhatIfView(repId, period, request.amount(), lines, extra, currency, now, now.add(extra));
    }

    private WhatIf.Situation situation(IncentivePlan plan, YearMonth period, String repId, Document sales, Document kpis,
                                       Document targets) {
        Map<TargetMetric, WhatIf.Standing> base = new EnumMap<>(TargetMetric.class);
        Document slice = nested(sales, "plans", plan.planId());
        base.put(TargetMetric.REVENUE, new WhatIf.Standing(decimal(slice, "revenue"), target(targets, "REVENUE")));
        base.put(TargetMetric.GROSS_MARGIN, new WhatIf.Standing(decimal(slice, "margin"), target(targets, "GROSS_MARGIN")));
        Map<TargetMetric, WhatIf.Standing> reported = new EnumMap<>(TargetMetric.class);
        for (TargetMetric metric : TargetMetric.values()) {
            Document values = nested(kpis, "metrics", metric.name());
            if (!values.isEmpty()) {
                reported.put(metric, new WhatIf.Standing(decimal(values, "actual"), decimalOrNull(values, "target")));
            }
        }
        Set<String> reached = new HashSet<>();
        if (kpis != null && kpis.get("awards") instanceof Document awards) {
            awards.values().stream().map(Document.class::cast)
                    .filter(award -> plan.planId().equals(award.getString("planId"))
                            && RuleType.THRESHOLD.name().equals(award.getString("ruleType"))
                            && decimal(award, "credited").signum() > 0)
                    .forEach(award -> reached.add(award.getString("ruleId") + "|" + award.getString("tier")));
        }
        boolean met = Governing.activityMet(plan, metric -> Math.max(decimal(nested(kpis, "metrics", metric), "actual")
                .longValue(), decimal(nested(sales, "activity"), metric).longValue()));
        return new WhatIf.Situation(period, base, reported, reached, governing.daysEmployed(repId, period), met);
    }

    private Document read(String collection, String repId, YearMonth period) {
        return mongo.getCollection(collection).find(new Document("_id", IncentiveCollections.id(repId, period))).first();
    }

    private static BigDecimal target(Document targets, String metric) {
        return decimalOrNull(nested(targets, "metrics", metric), "monthly");
    }
}
