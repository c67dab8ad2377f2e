package io.quotaflow.benchmarks;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the services' MongoDB time goes: each service's {@code mongodb.driver.commands} timer (Spring Boot's
 * Micrometer command listener; the time from a command's start to its reply, as the service sees it) by collection
 * and command, read from its {@code /actuator/prometheus} before and after a phase. On a server shared by every
 * service, the collections and commands with the most time are what to make cheaper first.
 */
final class MongoCommands {

    private static final Pattern SAMPLE = Pattern.compile(
            "^mongodb_driver_commands_seconds_(count|sum)\\{([^}]*)} ([0-9.eE+-]+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** A service's commands of one name on one collection. */
    record Key(String service, String collection, String command) {
    }

    /** How many such commands, and the time they took. */
    record Spent(Key key, long commands, double seconds) {

        Spent plus(Spent other) {
            return new Spent(key, commands + other.commands(), seconds + other.seconds());
        }

        Spent minus(Spent other) {
            return new Spent(key, commands - other.commands(), seconds - other.seconds());
        }
    }

    /** The services' totals so far. */
    record Snapshot(Map<Key, Spent> totals) {

        /** What was spent since {@code earlier}, the {@code top} largest by time first. */
        List<Spent> since(Snapshot earlier, int top) {
            return totals.values().stream().map(now -> {
                Spent before = earlier.totals().get(now.key());
                return before == null ? now : now.minus(before);
            }).filter(spent -> spent.commands() > 0).sorted(Comparator.comparingDouble(Spent::seconds).reversed())
                    .limit(top).toList();
        }
    }

    private MongoCommands() {
    }

    /** Every service's totals, read from its Prometheus page ({@code urls}: service → base URL). */
    static Snapshot read(Http http, Map<String, String> urls) {
        Map<Key, Spent> totals = new HashMap<>();
        urls.forEach((service, url) -> {
            Http.Response response = http.get(url + "/actuator/prometheus", null);
            if (response.status() != 200) {
                throw new IllegalStateException(service + "'s metrics: " + response.status() + " " + response.body());
            }
            parse(service, response.body()).forEach((key, spent) -> totals.merge(key, spent, Spent::plus));
        });
        return new Snapshot(Map.copyOf(totals));
    }

    /** The samples of one Prometheus page, summed over the labels other than collection and command. */
    static Map<Key, Spent> parse(String service, String page) {
        Map<Key, Spent> spent = new HashMap<>();
        Matcher sample = SAMPLE.matcher(page);
        while (sample.find()) {
            Map<String, String> labels = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            Key key = new Key(service, labels.getOrDefault("collection", "?"), labels.getOrDefault("command", "?"));
            double value = Double.parseDouble(sample.group(3));
            boolean count = sample.group(1).equals("count");
            spent.merge(key, new Spent(key, count ? (long) value : 0, count ? 0 : value), Spent::plus);
        }
        return spent;
    }
}
