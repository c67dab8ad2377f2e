package io.quotaflow.reliability;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * One fault's own reps, team and integration identity, the activity it sent (its {@link Reference}), the answers
 * it got, and the comparison of what the KPI and incentive APIs show with the reference. Slices share nothing, so
 * each fault is judged on its own.
 */
final class Slice {

    private final String name;
    private final List<String> reps;
    private final String feeder;
    private final Api api;
    private final Random random;
    private final Reference reference = new Reference();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicLong longestRetryMillis = new AtomicLong();

    Slice(String name, int reps, Api api, long seed) {
        this.name = name;
        this.reps = IntStream.rangeClosed(1, reps).mapToObj(i -> "rl-" + name + "-" + i).toList();
        this.feeder = "feeder-" + name;
        this.api = api;
        this.random = new Random(seed);
    }

    String name() {
        return name;
    }

    List<String> reps() {
        return reps;
    }

    String team() {
        return "t-rl-" + name;
    }

    String feederToken() {
        return api.integration(feeder);
    }

    Reference reference() {
        return reference;
    }

    Random random() {
        return random;
    }

    // ---- activity

    /** {@code count} new deals and calls of this month, at instants up to now. */
    synchronized List<Activity> fresh(int count) {
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            activities.add(next(recentInstant()));
        }
        return activities;
    }

    /** A new deal or call at the given instant (e.g. back-dated into last month). */
    synchronized Activity next(Instant at) {
        String rep = reps.get(random.nextInt(reps.size()));
        String id = name + "-" + sequence.incrementAndGet();
        return random.nextInt(3) == 0
                ? Activity.call(id, rep, at)
                : Activity.deal(id, rep, at, BigDecimal.valueOf(100L * (1 + random.nextInt(200))).setScale(2));
    }

    /** An instant of this month (in the organisation's zone) within the last hour, never in the future. */
    Instant recentInstant() {
        Instant now = Instant.now();
        Instant monthStart = YearMonth.from(now.atZone(Activity.ZONE)).atDay(1).atStartOfDay(Activity.ZONE).toInstant();
        Instant candidate = now.minusSeconds(5 + random.nextInt(3600));
        return candidate.isBefore(monthStart) ? monthStart.plusSeconds(random.nextInt(60)) : candidate;
    }

    // ---- sending, as a well-behaved client: again after 503 / 429 / no answer, never giving up within the deadline

    void sendBatch(List<Activity> activities) {
        activities.forEach(reference::sent);
        ArrayNode items = Api.JSON.createArrayNode();
        activities.forEach(activity -> items.add(activity.toJson()));
        ObjectNode body = Api.JSON.createObjectNode();
        body.set("activities", items);
        Api.Answer answer = deliver(() -> api.post("/api/activities/batch", feederToken(), body.toString()));
        JsonNode result = answer.json();
        if (result.path("rejected").size() > 0) {
            throw new AssertionError(name + ": the system refused test data: " + result.path("rejected"));
        }
    }

    void sendOne(Activity activity) {
        reference.sent(activity);
        deliver(() -> api.post("/api/activities", feederToken(), activity.toJson().toString()));
    }

    /** Sends until a 2xx, recording every answer; an answer that is no 2xx, 429 or 503 problem is a violation. */
    Api.Answer deliver(java.util.function.Supplier<Api.Answer> call) {
        Instant started = Instant.now();
        Instant deadline = started.plus(Duration.ofMinutes(3));
        while (true) {
            Api.Answer answer = call.get();
            deliveries.incrementAndGet();
            statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
            if (answer.status() / 100 == 2) {
                long waited = Duration.between(started, Instant.now()).toMillis();
                longestRetryMillis.accumulateAndGet(waited, Math::max);
                return answer;
            }
            if (answer.status() == 503 || answer.status() == 429) {
                if (!answer.isProblem() || answer.header("Retry-After") == null) {
                    violations.add(answer.status() + " without problem+json and Retry-After: " + answer.headers()
                            + " " + answer.body());
                }
            } else if (answer.status() != 0) {
                violations.add("unexpected " + answer.status() + ": " + answer.body());
                throw new AssertionError(name + ": unexpected answer " + answer.status() + ": " + answer.body());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + ": not accepted within 3 minutes; last answer " + answer);
            }
            EmbeddedSystem.pause(Duration.ofMillis(retryAfterMillis(answer)));
        }
    }

    private static long retryAfterMillis(Api.Answer answer) {
        String header = answer.header("Retry-After");
        try {
            // Wait as told, but keep probing at least every 2 s so that recovery is measured to the second.
            return header == null ? 500 : Math.min(2000, Math.max(200, Long.parseLong(header.trim()) * 1000));
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> copy = new TreeMap<>();
        statuses.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    int deliveries() {
        return deliveries.get();
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    Duration longestWaitForAcceptance() {
        return Duration.ofMillis(longestRetryMillis.get());
    }

    // ---- comparison with the reference

    /** What the KPI and incentive APIs show now, as differences from the reference (empty: none). */
    Comparison compare() {
        List<String> differences = new ArrayList<>();
        long counted = 0;
        BigDecimal awarded = BigDecimal.ZERO;
        long expectedCounted = 0;
        BigDecimal expectedAwards = BigDecimal.ZERO;
        Map<Reference.Key, Reference.Figures> expected = new TreeMap<>(reference.expected());
        // A rep with nothing sent must show nothing (the hostile slice's reps, whatever was refused).
        YearMonth current = YearMonth.now(Activity.ZONE);
        reps.forEach(rep -> expected.putIfAbsent(new Reference.Key(rep, current), Reference.Figures.NONE));
        reference.closed().ifPresent(closed -> reps.forEach(rep -> expected.putIfAbsent(
                new Reference.Key(rep, closed.period()), Reference.Figures.NONE)));
        for (Map.Entry<Reference.Key, Reference.Figures> entry : expected.entrySet()) {
            Reference.Key key = entry.getKey();
            Reference.Figures want = entry.getValue();
            expectedCounted += want.deals() + want.calls();
            BigDecimal wantAwards = reference.awards(key, want);
            expectedAwards = expectedAwards.add(wantAwards);
            Api.Answer kpis = api.get("/api/kpis/reps/" + key.repId() + "?period=" + key.period(), api.admin());
            if (kpis.status() != 200) {
                differences.add(key + ": KPI API answered " + kpis.status());
                continue;
            }
            JsonNode metrics = kpis.json().path("metrics");
            BigDecimal revenue = decimal(metrics.path("REVENUE").path("actual"));
            long deals = decimal(metrics.path("DEALS").path("actual")).longValueExact();
            long calls = decimal(metrics.path("CALLS").path("actual")).longValueExact();
            counted += deals + calls;
            compare(differences, key, "revenue", want.revenue(), revenue);
            compare(differences, key, "deals", BigDecimal.valueOf(want.deals()), BigDecimal.valueOf(deals));
            compare(differences, key, "calls", BigDecimal.valueOf(want.calls()), BigDecimal.valueOf(calls));

            Api.Answer awards = api.get("/api/incentives/awards?repId=" + key.repId() + "&period=" + key.period(),
                    api.admin());
            if (awards.status() != 200) {
                differences.add(key + ": incentive API answered " + awards.status());
                continue;
            }
            JsonNode list = awards.json().isArray() ? awards.json() : awards.json().path("awards");
            BigDecimal paid = BigDecimal.ZERO;
            long perDeal = 0;
            for (JsonNode award : list) {
                if (!award.path("period").asString().equals(key.period().toString())) {
                    continue;
                }
                BigDecimal amount = decimal(award.path("amount"));
                paid = paid.add(amount);
                if (award.path("ruleId").asString().equals("per-deal") && amount.signum() > 0) {
                    perDeal++;
                }
            }
            awarded = awarded.add(paid);
            compare(differences, key, "awards", wantAwards, paid);
            compare(differences, key, "per-deal awards", BigDecimal.valueOf(want.deals()), BigDecimal.valueOf(perDeal));
        }
        reference.closed().ifPresent(closed -> reps.forEach(rep -> compareStatements(differences, closed, expected,
                rep, current)));
        return new Comparison(reference.events(), expectedCounted, counted, expectedAwards, awarded, differences);
    }

    /**
     * A closed period's statement is frozen: it pays what was earned until the close and the close's own awards,
     * each once; what was earned in it later is paid once in the open period, as adjustment lines earned in it.
     */
    private void compareStatements(List<String> differences, Reference.Closed closed,
                                   Map<Reference.Key, Reference.Figures> expected, String rep, YearMonth open) {
        Reference.Key key = new Reference.Key(rep, closed.period());
        Api.Answer frozen = api.get("/api/incentives/statements/" + rep + "?period=" + closed.period(), api.admin());
        Api.Answer paying = api.get("/api/incentives/statements/" + rep + "?period=" + open, api.admin());
        if (frozen.status() != 200 || paying.status() != 200) {
            differences.add(key + ": statements answered " + frozen.status() + " and " + paying.status());
            return;
        }
        JsonNode statement = frozen.json();
        if (!statement.path("status").asString().equals("CLOSED")) {
            differences.add(key + ": statement " + statement.path("status").asString() + ", not CLOSED");
        }
        BigDecimal net = BigDecimal.ZERO;
        for (JsonNode total : statement.path("totals")) {
            net = net.add(decimal(total.path("net")));
        }
        compare(differences, key, "closed statement", closed.statement(rep), net);
        List<BigDecimal> closeLines = new ArrayList<>();
        for (JsonNode line : statement.path("lines")) {
            if (PeriodClose.RULES.contains(line.path("ruleId").asString())) {
                closeLines.add(decimal(line.path("amount")));
            }
        }
        if (closeLines.size() != closed.closeAwards().getOrDefault(rep, List.of()).size()) {
            differences.add(key + " close awards: expected " + closed.closeAwards().getOrDefault(rep, List.of())
                    + ", the statement shows " + closeLines);
        }
        BigDecimal adjustments = BigDecimal.ZERO;
        for (JsonNode line : paying.json().path("lines")) {
            if (line.path("earnedIn").asString().equals(closed.period().toString())) {
                if (!line.path("adjustment").asBoolean() || !line.path("status").asString().equals("PAID")) {
                    differences.add(key + ": a line earned in the closed period is no paid adjustment: " + line);
                }
                adjustments = adjustments.add(decimal(line.path("amount")));
            }
        }
        BigDecimal late = expected.getOrDefault(key, Reference.Figures.NONE).awards()
                .subtract(closed.atClose().getOrDefault(key, Reference.Figures.NONE).awards());
        compare(differences, key, "adjustments paid in " + open, late, adjustments);
    }

    private static void compare(List<String> differences, Reference.Key key, String what, BigDecimal want,
                                BigDecimal got) {
        if (want.compareTo(got) != 0) {
            differences.add(key.repId() + " " + key.period() + " " + what + ": expected " + want.toPlainString()
                    + ", the system shows " + got.toPlainString());
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(node.asString());
    }

    /** Events sent (unique), events expected to count and counted (deals + calls), awards expected and paid. */
    record Comparison(int sent, long expectedCounted, long counted, BigDecimal expectedAwards, BigDecimal awarded,
                      List<String> differences) {
    }
}
