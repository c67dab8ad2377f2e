package io.quotaflow.incentive.award;

import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;

/** Reading the state documents outside the ledger (statements, the close, what-if): nested fields and decimals. */
public final class Documents {

    private Documents() {
    }

    /** The document at {@code path} below {@code document}; empty when any step is missing. */
    public static Document nested(Document document, String... path) {
        Object current = document;
        for (String key : path) {
            current = current instanceof Document step ? step.get(key) : null;
        }
        return current instanceof Document found ? found : new Document();
    }

    /** A decimal field; zero when absent. */
    public static BigDecimal decimal(Document values, String field) {
        BigDecimal value = decimalOrNull(values, field);
        return value == null ? BigDecimal.ZERO : value;
    }

    public static BigDecimal decimalOrNull(Document values, String field) {
        Object value = values == null ? null : values.get(field);
        return value instanceof Decimal128 decimal ? decimal.bigDecimalValue()
                : value instanceof Number number ? new BigDecimal(number.toString()) : null;
    }
}
