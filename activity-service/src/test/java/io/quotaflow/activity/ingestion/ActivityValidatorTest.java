package io.quotaflow.activity.ingestion;

import io.quotaflow.web.FieldProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unicode tricks and formula cells that the reliability suite's hostile-input catalogue found accepted (and
 * counted): each is now refused naming its field.
 */
class ActivityValidatorTest {

    private static final Instant NOW = Instant.parse("2027-01-20T02:00:00Z");
    private final ActivityValidator validator = new ActivityValidator(
            new IngestionProperties(null, null, null, null, null, null));

    @ParameterizedTest
    @CsvSource({
            "externalId, inv\u202Egpj.exe",
            "externalId, x\u200Dy",
            "externalId, \uFEFFx",
            "customerId, c\u200B1",
            "customerId, c\u202E1",
            "dealId, d\u2066x",
            "productLine, p\u00ADl",
            "externalId, hostile\uFFFDtemplate"})
    void shouldRefuseInvisibleFormattingCharactersInIds(String field, String value) {
        assertThat(problemsWith(field, value)).extracting(FieldProblem::field).containsExactly(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)"})
    void shouldRefuseIdsThatStartLikeASpreadsheetFormula(String customerId) {
        assertThat(problemsWith("customerId", customerId)).extracting(FieldProblem::field)
                .containsExactly("customerId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"c-100", "0015g00000XyZaBAAV", "客户-北京-01", "a=b"})
    void shouldStillAcceptOrdinaryIds(String customerId) {
        assertThat(problemsWith("customerId", customerId)).isEmpty();
    }

    private java.util.List<FieldProblem> problemsWith(String wireName, String value) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        values.put(Field.SOURCE, "crm");
        values.put(Field.EXTERNAL_ID, "e-1");
        values.put(Field.TYPE, "DEAL_CLOSED");
        values.put(Field.REP_ID, "r-001");
        values.put(Field.OCCURRED_AT, "2027-01-19T06:30:00Z");
        values.put(Field.CUSTOMER_ID, "c-1");
        values.put(Field.AMOUNT, "100.00");
        values.put(Field.CURRENCY, "CNY");
        values.put(Field.DEAL_ID, "d-1");
        for (Field field : Field.values()) {
            if (field.wireName().equals(wireName)) {
                values.put(field, value);
            }
        }
        return validator.validate(RawActivity.of(values), NOW).problems();
    }
}
