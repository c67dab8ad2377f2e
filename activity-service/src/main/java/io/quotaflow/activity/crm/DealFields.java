package io.quotaflow.activity.crm;

import io.quotaflow.activity.ingestion.Field;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings that name, for a won deal's product line, region, gross margin, promotion code and lead channel, the
 * field of the CRM's own deal to read it from (a HubSpot deal property, a Salesforce opportunity field). They are
 * keyed {@code product-line}, {@code region-id}, {@code gross-margin}, {@code promotion-code} and {@code channel}
 * (other spellings of those names, such as {@code productLine} or an environment variable's {@code PRODUCTLINE}, are
 * the same key); each value is the CRM field's API name. Any other key, or a value that is no API name (a label
 * such as {@code Product line}), stops the service at startup with the setting named.
 */
final class DealFields {

    /** The activity fields a CRM's deal field may fill. */
    static final List<Field> FILLABLE = List.of(Field.PRODUCT_LINE, Field.REGION_ID, Field.GROSS_MARGIN,
            Field.PROMOTION_CODE, Field.CHANNEL);
    /** API names as the CRMs spell them: HubSpot's internal names, Salesforce's {@code Product_Line__c}. */
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z0-9_]+");

    private DealFields() {
    }

    /**
     * The settings of {@code setting}: {@code defaults} with {@code configured} laid over them, keyed as above; a
     * blank value leaves its field unread.
     *
     * @throws IllegalArgumentException naming the setting, for a key that is no such field or a value that is no API
     *                                  name
     */
    static Map<String, String> settled(String setting, Map<String, String> configured, Map<Field, String> defaults) {
        Map<String, String> settled = new LinkedHashMap<>();
        defaults.forEach((field, name) -> settled.put(key(field), name));
        if (configured != null) {
            configured.forEach((key, name) -> {
                String known = field(key).map(DealFields::key).orElseThrow(() -> new IllegalArgumentException(
                        setting + " has no field '" + key + "'; it maps " + FILLABLE.stream().map(DealFields::key)
                                .collect(Collectors.joining(", "))));
                settled.put(known, apiName(setting + "." + known, name));
            });
        }
        settled.values().removeIf(String::isEmpty);
        return Map.copyOf(settled);
    }

    /** {@link #settled} settings by the activity field each one fills. */
    static Map<Field, String> byField(Map<String, String> settled) {
        Map<Field, String> byField = new EnumMap<>(Field.class);
        settled.forEach((key, name) -> byField.put(field(key).orElseThrow(), name));
        return byField;
    }

    /** The setting's key of a field: {@code product-line}. */
    static String key(Field field) {
        return field.wireName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Optional<Field> field(String key) {
        String bare = key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        return FILLABLE.stream().filter(field -> field.wireName().toLowerCase(Locale.ROOT).equals(bare)).findFirst();
    }

    /** The trimmed name, or {@code ""} for a blank one. */
    private static String apiName(String setting, String name) {
        String trimmed = name == null ? "" : name.trim();
        if (!trimmed.isEmpty() && !API_NAME.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(setting + " must be a field's API name (letters, digits and '_'), not '"
                    + name + "'");
        }
        return trimmed;
    }
}
