package io.quotaflow.target.plan.web;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.platform.csv.CsvWriter;
import io.quotaflow.target.decomposition.EntityType;
import io.quotaflow.target.plan.PlanViews.TableRow;
import io.quotaflow.target.plan.PlanViews.TargetTable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The target management table as CSV: in English, or in Chinese (headers, kinds of entity and target
 * types, with a byte-order mark so that Excel reads it as UTF-8). A name or strategy that a spreadsheet would
 * take for a formula is written as text ({@link CsvWriter}); amounts stay numbers.
 */
final class TargetTableCsv {

    private TargetTableCsv() {
    }

    /** Names and strategies are the users' own words, so the writer keeps them from running as formulas. */
    static byte[] render(TargetTable table, Language language) {
        List<List<Object>> rows = table.rows().stream()
                .map(row -> Arrays.<Object>asList(language.responsible(row), language.targetType(row.targetType()),
                        row.monthlyTarget(), row.weeklyAverage(), row.keyStrategy()))
                .toList();
        String csv = CsvWriter.write(language.headers, rows);
        String text = language == Language.ZH ? "\uFEFF" + csv : csv;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    enum Language {
        EN(List.of("responsible entity", "target type", "monthly target", "weekly average", "key strategy"),
                Map.of(), Map.of()),
        ZH(List.of("责任主体", "目标类型", "月度目标值", "周均目标", "关键策略"),
                Map.of(EntityType.COMPANY, "公司", EntityType.PRODUCT_LINE, "产品线", EntityType.REGION, "区域",
                        EntityType.TEAM, "团队", EntityType.REP, "销售"),
                Map.of(TargetMetric.REVENUE, "销售额", TargetMetric.GROSS_MARGIN, "毛利", TargetMetric.COLLECTIONS, "回款额",
                        TargetMetric.NEW_CUSTOMERS, "新客户数", TargetMetric.DEALS, "成交单数", TargetMetric.CALLS, "电话量",
                        TargetMetric.VISITS, "拜访量", TargetMetric.FOLLOW_UPS, "跟进次数",
                        TargetMetric.QUALIFIED_LEADS, "意向线索数"));

        private final List<String> headers;
        private final Map<EntityType, String> kinds;
        private final Map<TargetMetric, String> targetTypes;

        Language(List<String> headers, Map<EntityType, String> kinds, Map<TargetMetric, String> targetTypes) {
            this.headers = headers;
            this.kinds = kinds;
            this.targetTypes = targetTypes;
        }

        static Language of(String code) {
            return "zh".equalsIgnoreCase(code) ? ZH : EN;
        }

        String responsible(TableRow row) {
            return kinds.getOrDefault(row.entityType(), row.entityType().label()) + " " + row.name();
        }

        String targetType(TargetMetric metric) {
            return targetTypes.getOrDefault(metric, metric.name());
        }
    }
}
