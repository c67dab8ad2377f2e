package io.quotaflow.platform.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1"})
    void shouldPrefixTextThatASpreadsheetWouldRunWithAQuote(String formula) throws IOException {
        String csv = CsvWriter.write(List.of("strategy"), List.of(List.of(formula)));

        assertThat(cells(csv).get(1)).containsExactly("'" + formula);
    }

    @Test
    void shouldLeaveOrdinaryTextAndNumbersAsTheyAre() throws IOException {
        String csv = CsvWriter.write(List.of("responsible entity", "monthly target", "weekly average", "count", "note"),
                List.of(Arrays.asList("company Company", new BigDecimal("-5.00"), new BigDecimal("1E+3"), 12L, null)));

        assertThat(cells(csv).get(1)).containsExactly("company Company", "-5.00", "1000", "12", "");
    }

    @Test
    void shouldQuoteWhatCsvNeedsQuotedAfterNeutralising() {
        String csv = CsvWriter.write(List.of("strategy"), List.of(List.of("=HYPERLINK(\"http://x\",\"y\")")));

        assertThat(csv).isEqualTo("strategy\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
    }

    private static List<List<String>> cells(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(csv))) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }
}
