package io.quotaflow.systemtests.observability;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a PromQL expression reads: the metric names it selects and the label values it matches them on. */
public final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern EQUALITY = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|=)\\s*\"([^\"]*)\"");

    private PromQl() {
    }

    /** The metric names an expression selects (functions, aggregations, keywords and labels are not). */
    public static Set<String> metricNames(String expression) {
        String bare = STRING.matcher(expression).replaceAll("\"\"");
        bare = MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            boolean call = identifier.group(2) != null;
            String name = identifier.group(1);
            if (!call && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /** The label values an expression matches with {@code =} or {@code =~}, by label (alternatives split). */
    public static Map<String, Set<String>> matchedLabelValues(String expression) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        Matcher matcher = MATCHERS.matcher(expression);
        while (matcher.find()) {
            Matcher equality = EQUALITY.matcher(matcher.group());
            while (equality.find()) {
                Set<String> set = values.computeIfAbsent(equality.group(1), label -> new LinkedHashSet<>());
                if (equality.group(2).equals("=~")) {
                    set.addAll(Set.of(equality.group(3).split("\\|")));
                } else {
                    set.add(equality.group(3));
                }
            }
        }
        return values;
    }
}
