package io.quotaflow.localstack.demo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Activities as the CSV the import API reads: a header of canonical field names, one row per activity. */
final class DemoCsv {

    private static final List<String> COLUMNS = List.of("source", "externalId", "type", "repId", "occurredAt",
            "customerId", "amount", "currency", "productLine", "regionId", "channel", "dealId", "stage",
            "durationSeconds", "promotionCode", "grossMargin", "opportunityCreatedAt", "dueDate", "signal", "reason");

    private DemoCsv() {
    }

    static String of(List<DemoActivity> activities) {
        Set<String> columns = new LinkedHashSet<>(COLUMNS);
        activities.forEach(a -> columns.addAll(a.fields().keySet()));
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (DemoActivity activity : activities) {
            csv.append(columns.stream().map(column -> cell(activity.field(column))).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
