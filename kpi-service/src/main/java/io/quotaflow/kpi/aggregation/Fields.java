package io.quotaflow.kpi.aggregation;

import io.quotaflow.kpi.aggregation.domain.Attribution;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Reading typed values back from stored documents, and writing attributions into them. */
public final class Fields {

    private Fields() {
    }

    public static BigDecimal decimal(Document document, String field) {
        return decimal(document.get(field));
    }

    /** A stored amount (Decimal128 or a whole number) as a decimal; {@code null} when it is neither. */
    public static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        return null;
    }

    public static long count(Document document, String field) {
        return document.get(field) instanceof Number number ? number.longValue() : 0L;
    }

    public static Instant instant(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Date date ? date.toInstant() : null;
    }

    public static LocalDate date(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }

    public static UUID uuid(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : UUID.fromString(value);
    }

    public static <E extends Enum<E>> E enumOf(Document document, String field, Function<String, E> parse) {
        String value = document.getString(field);
        return value == null ? null : parse.apply(value);
    }

    public static Document document(Document document, String field) {
        return document.get(field) instanceof Document nested ? nested : null;
    }

    /** {@code rep}, {@code tm}, {@code rg} of an attribution, into a map being built. */
    public static Map<String, Object> put(Map<String, Object> into, Attribution by) {
        into.put("rep", by.rep());
        into.put("tm", by.team());
        into.put("rg", by.region());
        return into;
    }

    public static Attribution attribution(Document document) {
        return new Attribution(document.getString("rep"), document.getString("tm"), document.getString("rg"));
    }

    /** A map without its {@code null} values, ready to be stored. */
    public static Map<String, Object> compact(Map<String, Object> values) {
        Map<String, Object> compact = new LinkedHashMap<>(values);
        compact.values().removeIf(value -> value == null);
        return compact;
    }
}
