package io.quotaflow.systemtests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a test sent, and the figures it must produce, computed here independently of the services: activities are
 * recorded as the test sends them (a duplicate — the same source, external id and type — is recorded once, as the
 * contract says it counts once), and revenue, deals, calls and new customers follow from the recorded ones by the
 * contract's definitions (won deals not cancelled; follow-ups by channel CALL; customers with a standing won deal).
 */
final class ActivityBook {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Map<String, Activity> recorded = new LinkedHashMap<>();

    /** 10:00 in the organisation's zone on {@code day} of {@code period}. */
    static Instant at(YearMonth period, int day) {
        return period.atDay(day).atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
    }

    /** Records an activity the test sends; returns it. A duplicate of one recorded before changes nothing. */
    Activity record(Activity activity) {
        recorded.putIfAbsent(activity.source() + "|" + activity.externalId() + "|" + activity.type(), activity);
        return activity;
    }

    List<Activity> recorded() {
        return List.copyOf(recorded.values());
    }

    BigDecimal revenue(Collection<String> reps) {
        return standingDeals(reps::contains).stream().map(Activity::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
    }

    BigDecimal revenue(String rep) {
        return revenue(Set.of(rep));
    }

    /** The rep's revenue on the days {@code from} to {@code to}, both included, in the organisation's zone. */
    BigDecimal revenue(String rep, LocalDate from, LocalDate to) {
        return standingDeals(rep::equals).stream()
                .filter(deal -> {
                    LocalDate day = LocalDate.ofInstant(deal.occurredAt(), ZONE);
                    return !day.isBefore(from) && !day.isAfter(to);
                })
                .map(Activity::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    long deals(String rep) {
        return standingDeals(rep::equals).size();
    }

    long calls(String rep) {
        return recorded.values().stream()
                .filter(a -> a.repId().equals(rep) && a.type().equals("FOLLOW_UP_LOGGED") && "CALL".equals(a.channel()))
                .count();
    }

    /** Customers the rep has a standing (won, not cancelled) deal with: each is a new-customer award. */
    long newCustomers(String rep) {
        return standingDeals(rep::equals).stream().map(Activity::customerId).distinct().count();
    }

    private List<Activity> standingDeals(Predicate<String> rep) {
        Set<String> cancelled = recorded.values().stream().filter(a -> a.type().equals("DEAL_CANCELLED"))
                .map(Activity::dealId).collect(Collectors.toSet());
        return recorded.values().stream()
                .filter(a -> a.type().equals("DEAL_CLOSED") && rep.test(a.repId()) && !cancelled.contains(a.dealId()))
                .toList();
    }

    /** One canonical activity (the fields the tests use), as the API names them. */
    record Activity(String source, String externalId, String type, String repId, Instant occurredAt,
                    String customerId, BigDecimal amount, String dealId, String channel, String productLine) {

        static Activity deal(String source, String dealId, String rep, Instant at, String customer, BigDecimal amount,
                             String productLine) {
            return new Activity(source, dealId, "DEAL_CLOSED", rep, at, customer, amount, dealId, null, productLine);
        }

        static Activity cancellation(String source, String dealId, String rep, Instant at) {
            return new Activity(source, dealId + ":cancel", "DEAL_CANCELLED", rep, at, null, null, dealId, null, null);
        }

        static Activity followUp(String source, String externalId, String rep, Instant at, String channel,
                                 String customer) {
            return new Activity(source, externalId, "FOLLOW_UP_LOGGED", rep, at, customer, null, null, channel, null);
        }

        static Activity lead(String source, String externalId, String rep, Instant at, String customer,
                             String channel) {
            return new Activity(source, externalId, "LEAD_CREATED", rep, at, customer, null, null, channel, null);
        }

        /** The canonical JSON of {@code POST /api/activities}. */
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("source", source);
            json.put("externalId", externalId);
            json.put("type", type);
            json.put("repId", repId);
            json.put("occurredAt", occurredAt.toString());
            putIfPresent(json, "customerId", customerId);
            if (amount != null) {
                json.put("amount", amount.toPlainString());
                json.put("currency", "CNY");
            }
            putIfPresent(json, "dealId", dealId);
            putIfPresent(json, "channel", channel);
            putIfPresent(json, "productLine", productLine);
            return json;
        }

        private static void putIfPresent(Map<String, Object> json, String field, Object value) {
            if (value != null) {
                json.put(field, value);
            }
        }
    }
}
