package io.quotaflow.localstack.demo;

import io.quotaflow.localstack.demo.ActivityFeeds.Secrets;
import io.quotaflow.localstack.demo.GatewayClient.DemoFailure;
import io.quotaflow.localstack.demo.GatewayClient.Identity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Seeds the demo through the gateway, step by step, remembering each step in {@link DemoProgress}: the sales org,
 * the Salesforce and HubSpot owner mappings, the month's approved revenue, new-customer and call targets, the
 * incentive plan, the history months as CSV imports, then the month's activity streamed through the API, the generic
 * webhook, Salesforce and HubSpot — the days already past at {@code daysPerMinute} (or as fast as Quotaflow takes
 * them), the rest as their time comes — with a progress line.
 */
public final class DemoFeeder {

    /**
     * How the launcher runs the demo. {@code daysPerMinute} ≤ 0: as fast as the services take it. {@code hubspot}: the
     * portal activity-service was configured for, or {@code null} when the launcher configured no activity-service
     * ({@code --feed}): the HubSpot team's activity then goes through the batch API.
     */
    public record Settings(DemoScenario scenario, double daysPerMinute, Path dataDir, ZoneId zone, String gatewayUrl,
                           String webhookSecret, String salesforceOrganizationId, HubSpotPortal hubspot) {
    }

    static final String INCENTIVE_PLAN_ID = "demo-sales-incentives";
    private static final DateTimeFormatter SLICE = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT);
    private static final List<String> TARGET_METRICS = List.of("REVENUE", "NEW_CUSTOMERS", "CALLS");

    private final Settings settings;
    private final PrintStream out;
    private final Clock clock;
    private final GatewayClient gateway;
    private final boolean console = System.console() != null;

    public DemoFeeder(Settings settings, PrintStream out, Clock clock) {
        this.settings = settings;
        this.out = out;
        this.clock = clock;
        this.gateway = new GatewayClient(settings.gatewayUrl());
    }

    /** Seeds what is not seeded yet, then streams until the month is over or the thread is interrupted. */
    public void run() {
        DemoProgress progress = DemoProgress.in(settings.dataDir());
        YearMonth month = progress.month(YearMonth.now(clock.withZone(settings.zone())));
        DemoData data = new DemoGenerator(settings.scenario(), settings.zone()).generate(month);
        step(progress, "org", "the sales org: " + DemoScenario.REGIONS.size() + " regions, "
                + DemoScenario.PRODUCT_LINES.size() + " product lines, " + DemoScenario.TEAMS.size() + " teams, "
                + data.reps().size() + " reps", () -> seedOrg(data));
        // Every run: the mappings are idempotent, and they wait until activity-service knows every rep again.
        mapOwners(data);
        step(progress, "owners", "Salesforce users and HubSpot owners mapped to reps", () -> { });
        step(progress, "targets", "targets of " + month + " approved (revenue " + data.revenueTarget().toPlainString()
                + " CNY, " + data.newCustomersTarget() + " new customers, " + data.callsTarget() + " calls; and the"
                + " revenue targets of " + data.historyMonths().size() + " earlier month(s))",
                () -> approveTargets(data));
        step(progress, "incentives", "incentive plan " + INCENTIVE_PLAN_ID + " saved", () -> saveIncentivePlan(data));
        step(progress, "history", data.history().size() + " activities of " + data.historyMonths().size()
                + " earlier month(s) imported from CSV", () -> importHistory(data));
        stream(data, progress);
    }

    private void step(DemoProgress progress, String name, String done, Runnable action) {
        if (progress.done(name)) {
            return;
        }
        action.run();
        progress.markDone(name);
        out.println("Demo: " + done);
    }

    private void seedOrg(DemoData data) {
        Identity admin = Identity.admin();
        for (DemoScenario.Region region : DemoScenario.REGIONS) {
            gateway.put("/api/org/regions/" + region.id(), admin, node("name", region.name(),
                    "marketType", region.marketType()).put("growthRate", region.growthRate()));
        }
        for (DemoScenario.ProductLine line : DemoScenario.PRODUCT_LINES) {
            gateway.put("/api/org/product-lines/" + line.id(), admin, node("name", line.name())
                    .put("grossMargin", line.grossMargin()).put("strategicPriority", line.strategicPriority()));
        }
        for (DemoScenario.Team team : DemoScenario.TEAMS) {
            gateway.put("/api/org/teams/" + team.id(), admin, node("name", team.name(), "regionId", team.regionId(),
                    "managerId", team.managerId()));
        }
        for (DemoRep rep : data.reps()) {
            gateway.put("/api/org/reps/" + rep.id(), admin, node("name", rep.name(), "teamId", rep.teamId(),
                    "hiredOn", rep.hiredOn().toString()).put("capacity", rep.capacity()));
        }
    }

    /** Also waits until activity-service knows every rep (the org reaches it as events), before any activity. */
    private void mapOwners(DemoData data) {
        for (DemoRep rep : data.reps()) {
            mapOwner("/api/crm/owners/salesforce/" + rep.salesforceUserId(), rep);
            if (rep.hubspotOwnerId() != null) {
                mapOwner("/api/crm/owners/hubspot/" + rep.hubspotOwnerId(), rep);
            }
        }
    }

    private void mapOwner(String path, DemoRep rep) {
        Instant deadline = clock.instant().plus(Duration.ofMinutes(2));
        while (true) {
            try {
                gateway.put(path, Identity.admin(), node("repId", rep.id()));
                return;
            } catch (DemoFailure notYet) {
                if (clock.instant().isAfter(deadline)) {
                    throw notYet;
                }
                GatewayClient.pause(1000);
            }
        }
    }

    /** The month's revenue, new-customer and call targets, and the revenue targets of the history months. */
    private void approveTargets(DemoData data) {
        for (YearMonth historyMonth : data.historyMonths()) {
            approveTargets(data, historyMonth, List.of("REVENUE"));
        }
        approveTargets(data, data.month(), TARGET_METRICS);
    }

    private void approveTargets(DemoData data, YearMonth period, List<String> metrics) {
        Identity admin = Identity.admin();
        JsonNode existing = gateway.get("/api/targets/plans?period=" + period, admin);
        for (String metric : metrics) {
            String planId = null;
            String status = null;
            for (JsonNode plan : existing) {
                if (plan.path("metric").asString().equals(metric) && !plan.path("status").asString().equals("DRAFT")) {
                    status = plan.path("status").asString();
                } else if (plan.path("metric").asString().equals(metric)) {
                    planId = plan.path("planId").asString();
                }
            }
            if (status != null) {
                continue;
            }
            if (planId == null) {
                planId = gateway.post("/api/targets/plans", admin, planRequest(data, period, metric))
                        .path("planId").asString();
            }
            try {
                gateway.post("/api/targets/plans/" + planId + "/approve", admin, null);
            } catch (DemoFailure e) {
                // As above: an approval the gateway gave up waiting for may have happened; then the plan says so.
                String approvedId = planId;
                boolean approved = e.status() == 409 && StreamSupport.stream(
                                gateway.get("/api/targets/plans?period=" + period, admin).spliterator(), false)
                        .anyMatch(plan -> plan.path("planId").asString().equals(approvedId)
                                && !plan.path("status").asString().equals("DRAFT"));
                if (!approved) {
                    throw e;
                }
            }
        }
    }

    private ObjectNode planRequest(DemoData data, YearMonth period, String metric) {
        ObjectNode plan = node("name", period + " " + metric.toLowerCase(Locale.ROOT).replace('_', ' '),
                "period", period.toString(), "metric", metric);
        plan.putObject("levels").put("base", 0.8).put("challenge", 1.2);
        ObjectNode allocation = plan.putObject("allocation").put("reps", "CAPACITY");
        if (metric.equals("REVENUE")) {
            plan.put("total", data.revenueTarget(period).toPlainString()).put("currency", "CNY");
            allocation.put("productLines", "MARGIN_PRIORITY").put("regions", "GROWTH");
            ArrayNode history = plan.putArray("history");
            data.lastMonthRevenueByRegion(period).forEach((region, amount) -> history.addObject()
                    .put("entityType", "REGION").put("entityId", region).put("amount", amount.toPlainString()));
            ArrayNode strategies = plan.putArray("strategies");
            strategies.addObject().put("entityType", "TEAM").put("entityId", "t-east")
                    .put("strategy", "Renewals of A-tier accounts first; " + DemoGenerator.promotion(period)
                            + " bundles for new logos");
            strategies.addObject().put("entityType", "REGION").put("entityId", "west")
                    .put("strategy", "Emerging market: partner-sourced leads, weekly demos in Chengdu");
        } else {
            plan.put("total", Long.toString(metric.equals("CALLS") ? data.callsTarget() : data.newCustomersTarget()));
        }
        return plan;
    }

    /** Base, target and challenge bonuses, commission with an accelerator, new customers, top seller, team bonus. */
    private void saveIncentivePlan(DemoData data) {
        ObjectNode plan = node("name", "Demo sales incentives", "effectiveFrom", data.month().atDay(1).toString(),
                "currency", "CNY");
        plan.putNull("effectiveTo");
        plan.putObject("eligibility").putArray("roles").add("REP");
        ArrayNode rules = plan.putArray("rules");
        ObjectNode threshold = rules.addObject().put("ruleId", "attainment-bonus").put("type", "THRESHOLD")
                .put("metric", "REVENUE");
        ArrayNode tiers = threshold.putArray("tiers");
        tiers.addObject().put("level", 0.8).put("amount", "2000.00");
        tiers.addObject().put("level", 1.0).put("amount", "5000.00");
        tiers.addObject().put("level", 1.2).put("amount", "8000.00");
        ObjectNode commission = rules.addObject().put("ruleId", "commission").put("type", "TIERED_COMMISSION")
                .put("metric", "REVENUE").put("payOn", "CLOSE").put("cap", "80000.00");
        ArrayNode bands = commission.putArray("bands");
        bands.addObject().put("from", 0.0).put("to", 1.0).put("rate", 0.03);
        bands.addObject().put("from", 1.0).putNull("to").put("rate", 0.05);
        rules.addObject().put("ruleId", "new-customer").put("type", "PER_UNIT").put("unit", "NEW_CUSTOMER")
                .put("amount", "500.00");
        rules.addObject().put("ruleId", "top-seller").put("type", "RANK").put("metric", "REVENUE")
                .putArray("amounts").add("5000.00").add("2000.00").add("1000.00");
        rules.addObject().put("ruleId", "team-bonus").put("type", "TEAM_BONUS").put("metric", "REVENUE")
                .put("level", 1.0).put("amountPerMember", "1000.00");
        try {
            gateway.put("/api/incentives/plans/" + INCENTIVE_PLAN_ID, Identity.admin(), plan);
        } catch (DemoFailure e) {
            // A save the gateway gave up waiting for (504, retried) may have been stored all the same: the retry then
            // finds a version it did not expect. The plan is the demo's own, so if it exists, that save was ours.
            if (e.status() != 409) {
                throw e;
            }
            gateway.get("/api/incentives/plans/" + INCENTIVE_PLAN_ID, Identity.admin());
        }
    }

    /** One CSV per history month through the import API, each awaited until its job completes. */
    private void importHistory(DemoData data) {
        for (YearMonth historyMonth : data.historyMonths()) {
            List<DemoActivity> rows = data.historyOf(historyMonth);
            JsonNode job = gateway.upload("/api/activities/imports", Identity.integration(),
                    "activities-" + historyMonth + ".csv", DemoCsv.of(rows).getBytes(StandardCharsets.UTF_8));
            String jobId = job.path("jobId").asString();
            while (true) {
                JsonNode state = gateway.get("/api/activities/imports/" + jobId, Identity.integration());
                String status = state.path("status").asString();
                progress("import " + historyMonth, "importing " + historyMonth + ": " + state.path("rowsRead").asLong() + " / " + rows.size()
                        + " rows");
                if (status.equals("COMPLETED")) {
                    if (state.path("rejected").asLong() > 0) {
                        out.println();
                        out.println("Demo: " + state.path("rejected").asLong() + " rows of " + historyMonth
                                + " were refused, e.g. " + state.path("errors").path(0));
                    }
                    break;
                }
                if (!status.equals("RUNNING")) {
                    throw new DemoFailure("the import of " + historyMonth + " ended " + status + ": " + state);
                }
                GatewayClient.pause(1000);
            }
        }
        endProgress();
    }

    /**
     * The month's activity, one simulated hour per slice: past hours paced at {@code daysPerMinute}, later ones sent
     * when their time comes.
     */
    private void stream(DemoData data, DemoProgress progress) {
        ActivityFeeds feeds = new ActivityFeeds(gateway, new Secrets(settings.webhookSecret(),
                settings.salesforceOrganizationId(), settings.hubspot()), data.reps());
        List<DemoActivity> month = data.current();
        int sent = progress.streamed();
        feeds.sentBefore(month.subList(0, Math.min(sent, month.size())));
        if (sent >= month.size()) {
            out.println("Demo: all " + month.size() + " activities of " + data.month() + " were streamed before.");
            return;
        }
        if (sent > 0) {
            out.println("Demo: continuing " + data.month() + " after the " + sent + " of " + month.size()
                    + " activities sent before.");
        }
        Instant wallStart = clock.instant();
        Instant simulatedStart = month.get(sent).occurredAt();
        double millisPerSimulatedMilli = settings.daysPerMinute() <= 0 ? 0 : 60_000.0 / 86_400_000.0 / settings.daysPerMinute();
        BigDecimal revenue = BigDecimal.ZERO;
        int refused = 0;
        boolean live = false;
        while (sent < month.size() && !Thread.currentThread().isInterrupted()) {
            Instant sliceEnd = month.get(sent).occurredAt().atZone(settings.zone()).plusHours(1).withMinute(0)
                    .withSecond(0).withNano(0).toInstant();
            List<DemoActivity> slice = new ArrayList<>();
            for (int i = sent; i < month.size() && month.get(i).occurredAt().isBefore(sliceEnd); i++) {
                slice.add(month.get(i));
            }
            Instant due = slice.get(slice.size() - 1).occurredAt();
            Instant now = clock.instant();
            if (due.isAfter(now)) {
                if (!live) {
                    live = true;
                    progress("caught up", "caught up with now: " + sent + " of " + month.size() + " activities sent");
                    endProgress();
                    out.println("Demo: caught up; the rest of " + data.month() + " arrives live, as its time comes.");
                }
                GatewayClient.pause(Math.max(0, Duration.between(now, due).toMillis()) + 1000);
            } else if (millisPerSimulatedMilli > 0) {
                long simulated = Duration.between(simulatedStart, slice.get(0).occurredAt()).toMillis();
                Instant wallDue = wallStart.plusMillis((long) (simulated * millisPerSimulatedMilli));
                GatewayClient.pause(Math.max(0, Duration.between(clock.instant(), wallDue).toMillis()));
            }
            refused += feeds.send(slice);
            sent += slice.size();
            revenue = revenue.add(slice.stream().filter(a -> a.type().equals("DEAL_CLOSED"))
                    .map(DemoActivity::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            progress.streamed(sent);
            if (!live) {
                progress(slice.get(0).occurredAt().atZone(settings.zone()).toLocalDate().toString(),
                        String.format("%s  %d / %d activities  %s deals  %s CNY won%s",
                        slice.get(0).occurredAt().atZone(settings.zone()).format(SLICE), sent, month.size(),
                        countDeals(month.subList(0, sent)), revenue.toBigInteger(),
                        refused == 0 ? "" : "  " + refused + " refused"));
            } else {
                out.println("Demo: live " + slice.size() + " activities at "
                        + slice.get(0).occurredAt().atZone(settings.zone()).format(SLICE) + summary(slice));
            }
        }
        endProgress();
        if (sent >= month.size()) {
            out.println("Demo: all " + month.size() + " activities of " + data.month() + " streamed.");
        }
    }

    private static long countDeals(List<DemoActivity> activities) {
        return activities.stream().filter(a -> a.type().equals("DEAL_CLOSED")).count();
    }

    private static String summary(List<DemoActivity> slice) {
        Map<String, Long> byType = slice.stream().collect(Collectors.groupingBy(DemoActivity::type,
                java.util.TreeMap::new, Collectors.counting()));
        return " " + byType;
    }

    private String lastProgress = "";
    private String lastKey = "";

    /** One line, rewritten in place on a terminal; elsewhere (logs, tests) a line whenever {@code key} changes. */
    private void progress(String key, String line) {
        String text = "Demo: " + line;
        if (console) {
            out.print("\r" + text + " ".repeat(Math.max(0, lastProgress.length() - text.length())));
            out.flush();
            lastProgress = text;
        } else if (!key.equals(lastKey)) {
            out.println(text);
        }
        lastKey = key;
    }

    private void endProgress() {
        if (console && !lastProgress.isEmpty()) {
            out.println();
        }
        lastProgress = "";
        lastKey = "";
    }

    private static ObjectNode node(String... pairs) {
        ObjectNode node = GatewayClient.JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put(pairs[i], pairs[i + 1]);
        }
        return node;
    }
}
