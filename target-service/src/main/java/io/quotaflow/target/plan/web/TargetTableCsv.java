package io.quotaflow.target.plan.web;

import io.quotaflow.target.plan.PlanViews.TableRow;
import io.quotaflow.target.plan.PlanViews.TargetTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The target management table as CSV, with English or Chinese headers (the Chinese with a BOM, for Excel). */
final class TargetTableCsv {

    private TargetTableCsv() {
    }

    static byte[] render(TargetTable table, Language language) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(language.headers).get())) {
            for (TableRow row : table.rows()) {
                csv.printRecord(row.responsible(), row.targetType(), row.monthlyTarget().toPlainString(),
                        row.weeklyAverage().toPlainString(), row.keyStrategy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = language == Language.ZH ? "\uFEFF" + out : out.toString();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    enum Language {
        EN("responsible entity", "target type", "monthly target", "weekly average", "key strategy"),
        ZH("责任主体", "目标类型", "月度目标值", "周均目标", "关键策略");

        private final String[] headers;

        Language(String... headers) {
            this.headers = headers;
        }

        static Language of(String code) {
            return "zh".equalsIgnoreCase(code) ? ZH : EN;
        }
    }
}
