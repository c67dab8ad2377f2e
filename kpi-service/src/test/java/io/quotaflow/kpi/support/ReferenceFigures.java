package io.quotaflow.kpi.support;

import io.quotaflow.events.EventEnvelope;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealCancelled;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.EngagementSignalled;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.activity.LeadCreated;
import io.quotaflow.events.activity.LeadQualified;
import io.quotaflow.events.activity.OpportunityStageChanged;
import io.quotaflow.events.activity.PaymentCollected;
import io.quotaflow.kpi.org.Org;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The figures computed the plain way, for comparison: de-duplicate the events by id, then walk them in any order —
 * each deal judged on all its events at once (the latest win holds, any cancellation voids it, payments count when
 * it stands), each customer's first standing deal credited one new customer — and add every amount to each path of
 * each month document it belongs to. Written independently of the projections (only the document layout is shared).
 */
public final class ReferenceFigures {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> CHANNEL = List.of("leads", "ql", "deals", "rev");
    private static final List<String> PROMOTION = List.of("leads", "deals", "rev", "gm");
    private static final List<String> BREAKDOWN = List.of("rev", "gm", "col", "deals", "newc", "calls", "visits", "fu",
            "leads", "ql");
    private final Org org;
    private final Map<String, Map<String, BigDecimal>> months = new TreeMap<>();

    private ReferenceFigures(Org org) {
        this.org = org;
    }

    /** kpi_months as it should be: document id → path → amount (no zeros). */
    public static Map<String, Map<String, BigDecimal>> of(List<EventEnvelope<ActivityEvent>> delivered, Org org) {
        ReferenceFigures reference = new ReferenceFigures(org);
        Map<UUID, ActivityEvent> unique = new LinkedHashMap<>();
        delivered.forEach(envelope -> unique.put(envelope.eventId(), envelope.payload()));
        Map<UUID, ActivityEvent> byId = unique;
        Map<String, List<Map.Entry<UUID, ActivityEvent>>> deals = new TreeMap<>();
        byId.entrySet().forEach(entry -> {
            String dealId = dealOf(entry.getValue());
            if (dealId != null) {
                deals.computeIfAbsent(dealId, d -> new ArrayList<>()).add(entry);
            } else {
                reference.loose(entry.getValue());
            }
        });
        Map<String, List<Won>> standing = new TreeMap<>();
        deals.forEach((dealId, events) -> reference.deal(dealId, events, standing));
        standing.forEach((customer, wins) -> wins.stream()
                .min(Comparator.comparing(Won::at).thenComparing(Won::dealId))
                .ifPresent(first -> reference.add(first.event(), first.event().occurredAt(), first.event().regionId(),
                        first.event().productLine(), first.event().channel(), first.event().promotionCode(), "newc",
                        BigDecimal.ONE)));
        reference.months.values().forEach(paths -> paths.values().removeIf(value -> value.signum() == 0));
        reference.months.values().removeIf(Map::isEmpty);
        return reference.months;
    }

    private record Won(String dealId, Instant at, DealClosed event) {
    }

    private void loose(ActivityEvent event) {
        Instant at = event.occurredAt();
        if (event instanceof LeadCreated lead) {
            add(event, at, lead.regionId(), lead.productLine(), lead.channel(), lead.promotionCode(), "leads", BigDecimal.ONE);
        } else if (event instanceof LeadQualified qualified) {
            add(event, at, null, qualified.productLine(), qualified.channel(), null, "ql", BigDecimal.ONE);
        } else if (event instanceof FollowUpLogged followUp) {
            add(event, at, null, null, null, null, "fu", BigDecimal.ONE);
            if (followUp.channel() == FollowUpChannel.CALL) {
                add(event, at, null, null, null, null, "calls", BigDecimal.ONE);
            }
            if (followUp.channel() == FollowUpChannel.VISIT) {
                add(event, at, null, null, null, null, "visits", BigDecimal.ONE);
            }
        } else if (event instanceof EngagementSignalled) {
            add(event, at, null, null, null, null, "eng", BigDecimal.ONE);
        } else if (event instanceof PaymentCollected payment) {
            add(event, at, null, null, null, null, "col", payment.amount());
        }
    }

    private void deal(String dealId, List<Map.Entry<UUID, ActivityEvent>> events, Map<String, List<Won>> standing) {
        DealClosed won = null;
        UUID wonId = null;
        boolean cancelled = false;
        OpportunityStageChanged firstStage = null;
        Instant created = null;
        for (Map.Entry<UUID, ActivityEvent> entry : events) {
            ActivityEvent event = entry.getValue();
            if (event instanceof DealClosed closed && (won == null || closed.occurredAt().isAfter(won.occurredAt())
                    || (closed.occurredAt().equals(won.occurredAt()) && entry.getKey().compareTo(wonId) > 0))) {
                won = closed;
                wonId = entry.getKey();
            }
            cancelled |= event instanceof DealCancelled;
            if (event instanceof OpportunityStageChanged stage) {
                if (firstStage == null || stage.occurredAt().isBefore(firstStage.occurredAt())) {
                    firstStage = stage;
                }
                if (stage.opportunityCreatedAt() != null && (created == null || stage.opportunityCreatedAt().isBefore(created))) {
                    created = stage.opportunityCreatedAt();
                }
            }
        }
        if (firstStage != null) {
            add(firstStage, firstStage.occurredAt(), null, null, null, null, "opp", BigDecimal.ONE);
        }
        if (won == null || cancelled) {
            return;
        }
        DealClosed deal = won;
        add(deal, deal.occurredAt(), deal.regionId(), deal.productLine(), deal.channel(), deal.promotionCode(), "rev",
                deal.amount());
        add(deal, deal.occurredAt(), deal.regionId(), deal.productLine(), deal.channel(), deal.promotionCode(), "deals",
                BigDecimal.ONE);
        BigDecimal margin = deal.grossMargin() != null ? deal.grossMargin() : deal.productLine() == null ? null
                : org.grossMarginOf(deal.productLine()).map(ratio -> deal.amount().multiply(ratio)
                .setScale(2, RoundingMode.HALF_UP)).orElse(null);
        if (margin != null) {
            add(deal, deal.occurredAt(), deal.regionId(), deal.productLine(), deal.channel(), deal.promotionCode(), "gm",
                    margin);
        }
        Instant opened = deal.opportunityCreatedAt() != null ? deal.opportunityCreatedAt() : created;
        if (opened != null && !opened.isAfter(deal.occurredAt())) {
            add(deal, deal.occurredAt(), deal.regionId(), deal.productLine(), deal.channel(), deal.promotionCode(), "cycs",
                    BigDecimal.valueOf(Duration.between(opened, deal.occurredAt()).toSeconds()));
            add(deal, deal.occurredAt(), deal.regionId(), deal.productLine(), deal.channel(), deal.promotionCode(), "cycn",
                    BigDecimal.ONE);
        }
        LocalDate wonDay = LocalDate.ofInstant(deal.occurredAt(), ZONE);
        addOn(deal.repId(), wonDay, deal.dueDate() != null ? deal.dueDate() : wonDay, deal.regionId(),
                deal.productLine(), null, null, "due", deal.amount());
        for (Map.Entry<UUID, ActivityEvent> entry : events) {
            if (entry.getValue() instanceof PaymentCollected payment) {
                LocalDate day = LocalDate.ofInstant(payment.occurredAt(), ZONE);
                addOn(payment.repId(), day, day, null, deal.productLine(), null, null, "col", payment.amount());
            }
        }
        if (deal.customerId() != null) {
            standing.computeIfAbsent(deal.customerId(), c -> new ArrayList<>()).add(new Won(dealId, deal.occurredAt(), deal));
        }
    }

    private void add(ActivityEvent event, Instant at, String eventRegion, String productLine, LeadChannel channel,
                     String promotion, String code, BigDecimal value) {
        LocalDate day = LocalDate.ofInstant(at, ZONE);
        addOn(event.repId(), day, day, eventRegion, productLine, channel, promotion, code, value);
    }

    /** Adds to every document path of the row: attributed on {@code attributedOn}, counted on {@code day}. */
    private void addOn(String rep, LocalDate attributedOn, LocalDate day, String eventRegion, String productLine,
                       LeadChannel channel, String promotion, String code, BigDecimal value) {
        String team = org.teamOf(rep, attributedOn).orElse(null);
        String region = team != null ? org.regionOf(team).orElse(null) : eventRegion;
        String period = day.toString().substring(0, 7);
        String dd = day.toString().substring(8);
        List<String[]> scopes = new ArrayList<>();
        scopes.add(new String[]{"REP", rep});
        if (team != null) {
            scopes.add(new String[]{"TEAM", team});
        }
        if (region != null) {
            scopes.add(new String[]{"REGION", region});
        }
        if (productLine != null) {
            scopes.add(new String[]{"PRODUCT_LINE", productLine});
        }
        scopes.add(new String[]{"COMPANY", "company"});
        for (String[] scope : scopes) {
            Map<String, BigDecimal> paths = months.computeIfAbsent(scope[0] + ":" + scope[1] + "|" + period,
                    k -> new TreeMap<>());
            String type = scope[0];
            boolean breakdown = BREAKDOWN.contains(code);
            List<String> at = new ArrayList<>(List.of("d." + dd));
            if (channel != null && List.of("REP", "TEAM", "COMPANY").contains(type) && CHANNEL.contains(code)) {
                at.add("ch." + channel);
            }
            if (promotion != null && List.of("TEAM", "COMPANY").contains(type) && PROMOTION.contains(code)) {
                at.add("pr." + promotion.replace(".", "%2E"));
            }
            if (type.equals("TEAM") && breakdown) {
                at.add("b.REP." + rep);
            }
            if (List.of("REGION", "PRODUCT_LINE", "COMPANY").contains(type) && team != null && breakdown) {
                at.add("b.TEAM." + team);
            }
            if (type.equals("COMPANY") && region != null && breakdown) {
                at.add("b.REGION." + region);
            }
            if (type.equals("COMPANY") && productLine != null && breakdown) {
                at.add("b.PRODUCT_LINE." + productLine.replace(".", "%2E"));
            }
            at.forEach(path -> paths.merge(path + "." + code, value, BigDecimal::add));
        }
    }

    private static String dealOf(ActivityEvent event) {
        String dealId = event instanceof DealClosed e ? e.dealId() : event instanceof DealCancelled e ? e.dealId()
                : event instanceof PaymentCollected e ? e.dealId() : event instanceof OpportunityStageChanged e
                ? e.dealId() : null;
        return Objects.requireNonNullElse(dealId, "").isEmpty() ? null : dealId;
    }
}
