package io.quotaflow.activity.ingestion;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a canonical activity, as API.md names them (plus {@code reason}, for cancellations), with how long
 * each may be and whether it holds a number.
 */
public enum Field {
    SOURCE("source", 64),
    EXTERNAL_ID("externalId", 256),
    TYPE("type", 64),
    REP_ID("repId", 128),
    OCCURRED_AT("occurredAt", 64),
    CUSTOMER_ID("customerId", 128),
    AMOUNT("amount", 32, true),
    CURRENCY("currency", 3),
    PRODUCT_LINE("productLine", 64),
    REGION_ID("regionId", 64),
    CHANNEL("channel", 64),
    DEAL_ID("dealId", 128),
    STAGE("stage", 64),
    DURATION_SECONDS("durationSeconds", 16, true),
    PROMOTION_CODE("promotionCode", 64),
    GROSS_MARGIN("grossMargin", 32, true),
    OPPORTUNITY_CREATED_AT("opportunityCreatedAt", 64),
    DUE_DATE("dueDate", 32),
    SIGNAL("signal", 64),
    REASON("reason", 500);

    private static final List<String> NAMES = Arrays.stream(values()).map(Field::wireName).toList();

    private final String wireName;
    private final int maxLength;
    private final boolean numeric;

    Field(String wireName, int maxLength) {
        this(wireName, maxLength, false);
    }

    Field(String wireName, int maxLength, boolean numeric) {
        this.wireName = wireName;
        this.maxLength = maxLength;
        this.numeric = numeric;
    }

    /** The name in JSON bodies, CSV headers and problems: {@code externalId}. */
    public String wireName() {
        return wireName;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Whether JSON may give it as a number (amounts, durations); every field may be given as a string. */
    public boolean numeric() {
        return numeric;
    }

    /** The field of a wire name. */
    public static Optional<Field> byWireName(String wireName) {
        return Arrays.stream(values()).filter(field -> field.wireName.equals(wireName)).findFirst();
    }

    /** Every field's wire name, in API.md's order. */
    public static List<String> wireNames() {
        return NAMES;
    }
}
