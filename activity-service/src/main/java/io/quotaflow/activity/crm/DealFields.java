package io.quotaflow.activity.crm;

import io.quotaflow.activity.ingestion.Field;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings that name, for a won deal's product line, region, gross margin, promotion code and lead channel, the
 * field of the CRM's own deal to read it from (a HubSpot deal property, a Salesforce opportunity field). They are
 * keyed {@code product-line}, {@code region-id}, {@code gross-margin}, {@code promotion-code} and {@code channel}
 * (other spellings of those names, such as {@code productLine} or an environment variable's {@code PRODUCTLINE}, are
 * the same key); each value is the CRM field's API name. A CRM that keeps the margin as a percentage of the amount
 * names that field under {@code gross-margin-percent} instead: the margin is then the amount times the percentage,
 * in the deal's currency (see {@link #margin}). Any other key, a value that is no API name (a label such as
 * {@code Product line}), or both margin keys at once, stops the service at startup with the setting named.
 */
public final class DealFields {

    /** The activity fields a CRM's deal field may fill. */
    static final List<Field> FILLABLE = List.of(Field.PRODUCT_LINE, Field.REGION_ID, Field.GROSS_MARGIN,
            Field.PROMOTION_CODE, Field.CHANNEL);
    /** The key of the field that holds the gross margin as a percentage of the amount (not as money). */
    static final String MARGIN_PERCENT = "gross-margin-percent";
    /** API names as the CRMs spell them: HubSpot's internal names, Salesforce's {@code Product_Line__c}. */
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z0-9_]+");
    /** Decimals a margin is rounded to where the currency has more (or none known); ingestion takes at most two. */
    private static final int MAX_DECIMALS = 2;

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
                String known = known(key).orElseThrow(() -> new IllegalArgumentException(
                        setting + " has no field '" + key + "'; it maps " + String.join(", ", keys())));
                settled.put(known, apiName(setting + "." + known, name));
            });
        }
        settled.values().removeIf(String::isEmpty);
        if (settled.containsKey(key(Field.GROSS_MARGIN)) && settled.containsKey(MARGIN_PERCENT)) {
            throw new IllegalArgumentException(setting + " names both " + key(Field.GROSS_MARGIN) + " and "
                    + MARGIN_PERCENT + "; a deal's margin is read from one field, as money or as a percentage");
        }
        return Map.copyOf(settled);
    }

    /** {@link #settled} settings by the activity field each one fills ({@link #MARGIN_PERCENT} fills none itself). */
    static Map<Field, String> byField(Map<String, String> settled) {
        Map<Field, String> byField = new EnumMap<>(Field.class);
        settled.forEach((key, name) -> field(key).ifPresent(field -> byField.put(field, name)));
        return byField;
    }

    /** The CRM field {@link #settled} settings name for the margin as a percentage, if any. */
    static Optional<String> marginPercentField(Map<String, String> settled) {
        return Optional.ofNullable(settled.get(MARGIN_PERCENT));
    }

    /**
     * The gross margin of a deal whose CRM keeps it as a percentage of the amount: amount × percentage ÷ 100, rounded
     * half-even to the currency's minor unit (at most two decimals). {@code null} when either is missing or the amount
     * is no number (ingestion then refuses the deal for its amount); the percentage as it came when it is no number,
     * so that ingestion refuses it, naming the field.
     */
    public static String margin(String amount, String percent, String currency) {
        if (amount == null || percent == null) {
            return null;
        }
        BigDecimal rate;
        BigDecimal money;
        try {
            rate = new BigDecimal(percent.trim().replaceFirst("%$", "").trim());
        } catch (NumberFormatException notANumber) {
            return percent;
        }
        try {
            money = new BigDecimal(amount.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
        return money.multiply(rate).movePointLeft(2).setScale(decimals(currency), RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private static int decimals(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? MAX_DECIMALS : Math.min(digits, MAX_DECIMALS);
        } catch (RuntimeException unknown) {
            return MAX_DECIMALS;
        }
    }

    /** Every key the settings take, in the order an error lists them. */
    private static List<String> keys() {
        List<String> keys = new java.util.ArrayList<>(FILLABLE.stream().map(DealFields::key).toList());
        keys.add(keys.indexOf(key(Field.GROSS_MARGIN)) + 1, MARGIN_PERCENT);
        return keys;
    }

    /** A key as the settings spell it ({@code product-line}, {@code gross-margin-percent}), from any spelling. */
    private static Optional<String> known(String key) {
        return bare(key).equals(bare(MARGIN_PERCENT)) ? Optional.of(MARGIN_PERCENT) : field(key).map(DealFields::key);
    }

    /** The setting's key of a field: {@code product-line}. */
    static String key(Field field) {
        return field.wireName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Optional<Field> field(String key) {
        String bare = bare(key);
        return FILLABLE.stream().filter(field -> field.wireName().toLowerCase(Locale.ROOT).equals(bare)).findFirst();
    }

    private static String bare(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
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
