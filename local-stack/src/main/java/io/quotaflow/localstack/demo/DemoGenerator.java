package io.quotaflow.localstack.demo;

import io.quotaflow.localstack.demo.DemoActivity.Route;
import io.quotaflow.localstack.demo.DemoRep.Pace;
import io.quotaflow.localstack.demo.DemoScenario.ProductLine;
import io.quotaflow.localstack.demo.DemoScenario.Team;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the demo: the reps of a {@link DemoScenario} and, day by day, what each of them does from the first
 * history month to the end of the demo month — calls, visits, leads that qualify, opportunities that are won a few
 * days later, cancellations, payments (some late, some never), engagement signals — sorted by time. Pure and
 * deterministic: the same scenario, month and zone give the same activity.
 */
public final class DemoGenerator {

    private static final String CURRENCY = "CNY";
    private static final String[] SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou",
            "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo"};
    private static final String[] GIVEN = {"Wei", "Fang", "Na", "Min", "Jing", "Lei", "Jun", "Yan", "Tao", "Hui",
            "Qiang", "Xin", "Ping", "Hao", "Ying", "Bo", "Lan", "Kai", "Rui", "Yu"};
    private static final String[] CANCEL_REASONS = {"Budget frozen by the customer", "Lost to a competitor on price",
            "Duplicate order", "Customer restructuring"};
    private static final int WARM_UP_DAYS = 30;
    private static final BigDecimal KEY_ACCOUNT_CAPACITY = new BigDecimal("3");
    private static final Set<String> FOLLOWS_A_DEAL = Set.of("PAYMENT_COLLECTED", "DEAL_CANCELLED");

    private final DemoScenario scenario;
    private final ZoneId zone;

    public DemoGenerator(DemoScenario scenario, ZoneId zone) {
        this.scenario = scenario;
        this.zone = zone;
    }

    /** The demo of {@code month}: its reps, the history months' activity and the month's own. */
    public DemoData generate(YearMonth month) {
        List<DemoRep> reps = reps(month);
        LocalDate historyStart = month.minusMonths(scenario.historyMonths()).atDay(1);
        LocalDate end = month.atEndOfMonth();
        List<DemoActivity> all = new ArrayList<>();
        for (DemoRep rep : reps) {
            new RepSimulation(rep, month, historyStart.minusDays(WARM_UP_DAYS), end).run(all);
        }
        Instant from = historyStart.atStartOfDay(zone).toInstant();
        Instant monthStart = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant until = end.plusDays(1).atStartOfDay(zone).toInstant();
        List<DemoActivity> inRange = all.stream()
                .filter(a -> !a.occurredAt().isBefore(from) && a.occurredAt().isBefore(until))
                .toList();
        // A payment or cancellation of a deal won before the first history month would name a deal never sent.
        Set<String> deals = inRange.stream().filter(a -> a.type().equals("DEAL_CLOSED"))
                .map(a -> a.field("dealId")).collect(Collectors.toSet());
        List<DemoActivity> kept = inRange.stream()
                .filter(a -> !FOLLOWS_A_DEAL.contains(a.type()) || deals.contains(a.field("dealId")))
                .sorted(Comparator.comparing(DemoActivity::occurredAt).thenComparing(a -> a.field("externalId"))
                        .thenComparing(DemoActivity::type))
                .toList();
        List<DemoActivity> history = kept.stream().filter(a -> a.occurredAt().isBefore(monthStart))
                .map(a -> a.via(Route.CSV)).toList();
        List<DemoActivity> current = kept.stream().filter(a -> !a.occurredAt().isBefore(monthStart)).toList();
        return new DemoData(scenario, month, zone, reps, history, current);
    }

    List<DemoRep> reps(YearMonth month) {
        int teams = DemoScenario.TEAMS.size();
        List<DemoRep> reps = new ArrayList<>();
        Random names = new Random(scenario.seed());
        for (int i = 0; i < scenario.reps(); i++) {
            int teamIndex = (int) ((long) i * teams / scenario.reps());
            Team team = DemoScenario.TEAMS.get(teamIndex);
            boolean lastOfTeam = i == scenario.reps() - 1
                    || (int) ((long) (i + 1) * teams / scenario.reps()) != teamIndex;
            boolean newHire = lastOfTeam && teamIndex < scenario.newHires();
            String id = String.format("r-%03d", i + 1);
            LocalDate hiredOn = newHire
                    ? month.minusMonths(teamIndex % 2 == 0 ? 1 : 0).atDay(1 + 3 * (teamIndex / 2))
                    : month.minusMonths(14 + (i * 7) % 30).atDay(1 + (i * 11) % 27);
            Pace pace = i % 3 == 1 ? Pace.RUSH_LATE : Pace.STEADY;
            boolean conversionDrops = i == Math.min(2, scenario.reps() - 1);
            String bigAccount = null;
            for (int k = 0; k < scenario.bigAccounts(); k++) {
                if (i == (int) ((long) k * scenario.reps() / scenario.bigAccounts())) {
                    bigAccount = String.format("c-a-%02d", k + 1);
                }
            }
            // A key-account manager carries a bigger quota (targets are split by capacity); a few work part time.
            BigDecimal capacity = bigAccount != null ? KEY_ACCOUNT_CAPACITY
                    : i % 9 == 4 ? new BigDecimal("0.8") : BigDecimal.ONE;
            String name = SURNAMES[names.nextInt(SURNAMES.length)] + " " + GIVEN[names.nextInt(GIVEN.length)];
            String hubspotOwner = team.id().equals(DemoScenario.HUBSPOT_TEAM) ? Integer.toString(61_000_000 + i + 1)
                    : null;
            reps.add(new DemoRep(id, name, team.id(), hiredOn, capacity, pace, conversionDrops, bigAccount,
                    String.format("005Q0000000%04dAAA", i + 1), hubspotOwner));
        }
        return reps;
    }

    /**
     * One rep's days: what they do each working day, and what follows from it on later days. The HubSpot team moved to
     * HubSpot in the demo month: the leads (with their deals), calls, meetings and e-mails its reps start from the
     * month's first day on live in HubSpot; those carry HubSpot's numeric ids and the fields activity-service derives
     * from HubSpot's events and objects (a visit is a meeting there; a won deal has no due date, and a lead channel
     * only where HubSpot has a source for it). What they started before goes on where it was.
     */
    private final class RepSimulation {
        private final DemoRep rep;
        private final YearMonth month;
        private final LocalDate start;
        private final LocalDate end;
        private final Random random;
        private final String regionId;
        private final String number;
        private final List<String> customers = new ArrayList<>();
        private final List<String> wonCustomers = new ArrayList<>();
        private int sequence;

        RepSimulation(DemoRep rep, YearMonth month, LocalDate start, LocalDate end) {
            this.rep = rep;
            this.month = month;
            this.start = start.isBefore(rep.hiredOn()) ? rep.hiredOn() : start;
            this.end = end;
            this.random = new Random(scenario.seed() * 31 + rep.id().hashCode());
            this.regionId = DemoScenario.TEAMS.stream().filter(t -> t.id().equals(rep.teamId())).findFirst()
                    .orElseThrow().regionId();
            this.number = rep.id().substring(2);
        }

        /** Whether what the rep starts on {@code day} lives in HubSpot. */
        private boolean inHubSpot(LocalDate day) {
            return rep.hubspotOwnerId() != null && !day.isBefore(month.atDay(1));
        }

        void run(List<DemoActivity> out) {
            for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                double effort = effort(day);
                for (int n = poisson(scenario.callsPerDay() * effort); n > 0; n--) {
                    followUp(out, day, "CALL");
                }
                for (int n = poisson(scenario.visitsPerDay() * effort); n > 0; n--) {
                    followUp(out, day, random.nextBoolean() ? "VISIT" : "MEETING");
                }
                for (int n = poisson(0.8 * effort); n > 0; n--) {
                    followUp(out, day, random.nextInt(3) == 0 ? "WECHAT" : "EMAIL");
                }
                for (int n = poisson(scenario.leadsPerDay() * effort); n > 0; n--) {
                    lead(out, day);
                }
                for (int n = poisson(1.2); n > 0 && !customers.isEmpty(); n--) {
                    signal(out, day, customers.get(customers.size() - 1 - random.nextInt(Math.min(15, customers.size()))));
                }
                if (rep.bigAccount() != null) {
                    bigAccount(out, day);
                }
            }
        }

        /** 1 for a steady rep; a rusher idles early and rushes late; a new hire ramps up over two months. */
        private double effort(LocalDate day) {
            double effort = 1.0;
            if (rep.pace() == Pace.RUSH_LATE) {
                int dom = day.getDayOfMonth();
                effort = dom <= 10 ? 0.45 : dom <= 20 ? 0.9 : 1.7;
            }
            long monthsIn = java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.from(rep.hiredOn()), YearMonth.from(day));
            if (monthsIn < 2) {
                effort *= monthsIn == 0 ? 0.5 : 0.75;
            }
            return effort * Math.min(1.0, rep.capacity().doubleValue());
        }

        private void followUp(List<DemoActivity> out, LocalDate day, String channel) {
            String customer = customers.isEmpty() ? null
                    : customers.get(customers.size() - 1 - random.nextInt(Math.min(25, customers.size())));
            Map<String, String> f = base("FOLLOW_UP_LOGGED", day);
            Route route = channel.equals("WECHAT") ? Route.WEBHOOK : inHubSpot(day) ? Route.HUBSPOT : Route.SALESFORCE;
            String object = null;
            if (route == Route.SALESFORCE) {
                f.put("source", "salesforce");
                f.put("externalId", (channel.equals("VISIT") || channel.equals("MEETING") ? "00UQ" : "00TQ")
                        + number + id(10) + "AAA");
            } else if (route == Route.HUBSPOT) {
                object = hubspotEvent(f);
                channel = channel.equals("VISIT") ? "MEETING" : channel;
            }
            put(f, "customerId", customer);
            f.put("channel", channel);
            if (!channel.equals("EMAIL") && !channel.equals("WECHAT")) {
                f.put("durationSeconds", Integer.toString(channel.equals("CALL") ? 60 * (2 + random.nextInt(20))
                        : 60 * (30 + 15 * random.nextInt(6))));
            }
            out.add(new DemoActivity(Instant.parse(f.get("occurredAt")), route, f, object));
        }

        private void lead(List<DemoActivity> out, LocalDate day) {
            boolean upsell = !wonCustomers.isEmpty() && random.nextDouble() < 0.2;
            String customer = upsell ? wonCustomers.get(random.nextInt(wonCustomers.size()))
                    : "c-" + number + "-" + id(4);
            String channel = pick(DemoScenario.LEAD_CHANNELS, DemoScenario.LEAD_CHANNEL_WEIGHTS);
            boolean hubspot = inHubSpot(day);
            Map<String, String> created = base("LEAD_CREATED", day);
            created.put("customerId", customer);
            created.put("channel", channel);
            String contact = hubspot ? hubspotEvent(created) : null;
            out.add(lead(created, contact));
            customers.add(customer);
            if (random.nextDouble() >= scenario.qualifyRate()) {
                return;
            }
            LocalDate qualifiedOn = day.plusDays(1 + random.nextInt(4));
            Map<String, String> qualified = base("LEAD_QUALIFIED", qualifiedOn);
            qualified.put("customerId", customer);
            qualified.put("channel", channel);
            if (hubspot) {
                hubspotEvent(qualified);
            }
            out.add(lead(qualified, contact));
            boolean wins = random.nextDouble() < scenario.winRate();
            LocalDate proposal = qualifiedOn.plusDays(1 + random.nextInt(3));
            LocalDate decided = proposal.plusDays(4 + random.nextInt(15));
            String dealId = hubspot ? hubspotId() : "006Q" + number + id(8) + "AAA";
            Instant openedAt = at(proposal);
            stage(out, dealId, customer, proposal, openedAt, "Proposal", hubspot);
            boolean dropped = rep.conversionDrops()
                    && !decided.isBefore(month.atDay(1).minusDays(7))
                    && random.nextDouble() < scenario.conversionDrop();
            if (!wins || dropped) {
                stage(out, dealId, customer, decided, openedAt, "Closed Lost", hubspot);
                return;
            }
            ProductLine line = DemoScenario.PRODUCT_LINES.get(random.nextInt(DemoScenario.PRODUCT_LINES.size()));
            BigDecimal amount = line.typicalDeal().multiply(BigDecimal.valueOf(0.5 + random.nextDouble() * 1.3));
            won(out, dealId, customer, decided, openedAt, line, amount, channel, hubspot);
        }

        private void bigAccount(List<DemoActivity> out, LocalDate day) {
            String customer = rep.bigAccount();
            if (!customers.contains(customer)) {
                customers.add(customer);
            }
            int dom = day.getDayOfMonth();
            if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY && (dom >= 8 && dom <= 14 || dom >= 22 && dom <= 28)) {
                boolean hubspot = inHubSpot(day);
                String dealId = hubspot ? hubspotId() : "006QA" + number + id(7) + "AAA";
                Instant openedAt = at(day.minusDays(20));
                ProductLine line = DemoScenario.PRODUCT_LINES.get(0);
                BigDecimal amount = BigDecimal.valueOf(900_000 + random.nextInt(600_000));
                won(out, dealId, customer, day, openedAt, line, amount, "PARTNER", hubspot);
            }
            if (random.nextDouble() < 0.4) {
                signal(out, day, customer);
            }
        }

        private void stage(List<DemoActivity> out, String dealId, String customer, LocalDate day, Instant openedAt,
                           String stage, boolean hubspot) {
            Map<String, String> f = base("OPPORTUNITY_STAGE_CHANGED", day);
            if (Instant.parse(f.get("occurredAt")).isBefore(openedAt)) {
                f.put("occurredAt", openedAt.toString());
            }
            f.put("source", "salesforce");
            f.put("externalId", dealId + ":" + stage);
            f.put("customerId", customer);
            f.put("dealId", dealId);
            f.put("stage", stage);
            f.put("opportunityCreatedAt", openedAt.toString());
            if (hubspot) {
                // The first stage is HubSpot's deal.creation (its stage id passes through), a lost deal its dealstage change.
                hubspotEvent(f);
                f.put("stage", stage.equals("Closed Lost") ? "LOST" : HubSpotPortal.OPEN_STAGE);
                out.add(new DemoActivity(Instant.parse(f.get("occurredAt")), Route.HUBSPOT, f, dealId));
                return;
            }
            out.add(activity(f, Route.SALESFORCE));
        }

        private void won(List<DemoActivity> out, String dealId, String customer, LocalDate day, Instant openedAt,
                         ProductLine line, BigDecimal listAmount, String channel, boolean hubspot) {
            boolean promoted = random.nextDouble() < scenario.promotionShare();
            BigDecimal amount = (promoted ? listAmount.multiply(BigDecimal.ONE.subtract(DemoScenario.PROMOTION_DISCOUNT))
                    : listAmount).setScale(2, RoundingMode.HALF_UP);
            BigDecimal marginRate = line.grossMargin().add(BigDecimal.valueOf((random.nextDouble() - 0.5) * 0.06))
                    .subtract(promoted ? DemoScenario.PROMOTION_MARGIN_CUT : BigDecimal.ZERO);
            LocalDate due = day.plusDays(30);
            Map<String, String> f = base("DEAL_CLOSED", day);
            f.put("externalId", dealId);
            f.put("customerId", customer);
            f.put("amount", amount.toPlainString());
            f.put("currency", CURRENCY);
            f.put("productLine", line.id());
            f.put("regionId", regionId);
            f.put("channel", channel);
            f.put("dealId", dealId);
            if (promoted) {
                f.put("promotionCode", promotion(YearMonth.from(day)));
            }
            f.put("grossMargin", amount.multiply(marginRate).setScale(2, RoundingMode.HALF_UP).toPlainString());
            f.put("opportunityCreatedAt", openedAt.toString());
            f.put("dueDate", due.toString());
            if (hubspot) {
                // What activity-service reads from a HubSpot deal: the properties the demo names in deal-fields
                // (HubSpotPortal.DEAL_FIELDS), a channel only where HubSpot has a source for it, no due date.
                f.remove("dueDate");
                if (!HubSpotPortal.carries(channel)) {
                    f.remove("channel");
                }
                f.put("source", "hubspot");
                f.put("externalId", "deal-" + dealId);
                out.add(new DemoActivity(Instant.parse(f.get("occurredAt")), Route.HUBSPOT, f, dealId));
            } else {
                out.add(activity(f, Route.API));
            }
            if (!wonCustomers.contains(customer)) {
                wonCustomers.add(customer);
            }
            double fate = random.nextDouble();
            if (fate < scenario.cancelRate()) {
                Map<String, String> cancelled = base("DEAL_CANCELLED", day.plusDays(3 + random.nextInt(12)));
                cancelled.put("externalId", dealId + ":cancel");
                cancelled.put("customerId", customer);
                cancelled.put("dealId", dealId);
                cancelled.put("reason", CANCEL_REASONS[random.nextInt(CANCEL_REASONS.length)]);
                out.add(activity(cancelled, Route.API));
            } else if (fate < scenario.cancelRate() + scenario.unpaidRate()) {
                return;
            } else {
                boolean late = fate < scenario.cancelRate() + scenario.unpaidRate() + scenario.latePaymentRate();
                LocalDate paidOn = late ? due.plusDays(10 + random.nextInt(31)) : due.minusDays(5 - random.nextInt(8));
                Map<String, String> paid = base("PAYMENT_COLLECTED", paidOn);
                paid.put("externalId", dealId + ":payment");
                paid.put("customerId", customer);
                paid.put("amount", amount.toPlainString());
                paid.put("currency", CURRENCY);
                paid.put("dealId", dealId);
                out.add(activity(paid, Route.API));
            }
        }

        private void signal(List<DemoActivity> out, LocalDate day, String customer) {
            Map<String, String> f = base("ENGAGEMENT_SIGNALLED", day);
            f.put("customerId", customer);
            int kind = random.nextInt(10);
            String signal = kind < 4 ? "EMAIL_CLICK" : kind < 7 ? "SITE_VISIT" : kind < 9 ? "CONTENT_DOWNLOAD"
                    : "LIVESTREAM_VIEW";
            f.put("signal", signal);
            if (signal.equals("SITE_VISIT")) {
                f.put("durationSeconds", Integer.toString(30 + random.nextInt(300)));
            }
            out.add(activity(f, Route.WEBHOOK));
        }

        private Map<String, String> base(String type, LocalDate day) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("source", source(type));
            f.put("externalId", type.toLowerCase().replace('_', '-') + "-" + number + "-" + id(6));
            f.put("type", type);
            f.put("repId", rep.id());
            f.put("occurredAt", at(day).toString());
            return f;
        }

        /** A lead through the generic webhook, or HubSpot's contact (the channel only when HubSpot's source maps to it). */
        private DemoActivity lead(Map<String, String> fields, String contact) {
            if (contact == null) {
                return activity(fields, Route.WEBHOOK);
            }
            if (!HubSpotPortal.carries(fields.get("channel"))) {
                fields.remove("channel");
            }
            return new DemoActivity(Instant.parse(fields.get("occurredAt")), Route.HUBSPOT, fields, contact);
        }

        /** Makes {@code fields} those of a HubSpot event: source {@code hubspot}, its eventId; returns a new object id. */
        private String hubspotEvent(Map<String, String> fields) {
            fields.put("source", "hubspot");
            fields.put("externalId", hubspotId());
            return hubspotId();
        }

        /** A HubSpot id (event, deal, contact, engagement): digits, unique per rep. */
        private String hubspotId() {
            return "1" + number + id(8);
        }

        private DemoActivity activity(Map<String, String> fields, Route route) {
            return new DemoActivity(Instant.parse(fields.get("occurredAt")), route, fields);
        }

        /** A moment in working hours (09:00–18:59 in the organisation's zone) of the day. */
        private Instant at(LocalDate day) {
            return day.atTime(LocalTime.of(9 + random.nextInt(10), random.nextInt(60), random.nextInt(60)))
                    .atZone(zone).toInstant();
        }

        private String id(int digits) {
            return String.format("%0" + digits + "d", ++sequence);
        }

        private int poisson(double mean) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int n = 0;
            while (product > limit) {
                product *= random.nextDouble();
                n++;
            }
            return n;
        }

        private String pick(List<String> values, double[] weights) {
            double r = random.nextDouble();
            for (int i = 0; i < values.size(); i++) {
                r -= weights[i];
                if (r < 0) {
                    return values.get(i);
                }
            }
            return values.get(values.size() - 1);
        }

        private void put(Map<String, String> f, String name, String value) {
            if (value != null) {
                f.put(name, value);
            }
        }
    }

    private static String source(String type) {
        switch (type) {
            case "DEAL_CLOSED":
            case "DEAL_CANCELLED":
            case "PAYMENT_COLLECTED":
                return "erp";
            default:
                return "marketing";
        }
    }

    /** The promotion of a month: 双十一, 双十二, New Year, else a month-end push. */
    static String promotion(YearMonth month) {
        switch (month.getMonthValue()) {
            case 11:
                return "DOUBLE11";
            case 12:
                return "DOUBLE12";
            case 1:
                return "NEWYEAR";
            default:
                return "MONTHEND-" + month.format(DateTimeFormatter.ofPattern("MMM", java.util.Locale.ROOT))
                        .toUpperCase(java.util.Locale.ROOT);
        }
    }
}
