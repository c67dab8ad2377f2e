package io.quotaflow.activity.ingestion;

import io.quotaflow.events.activity.ActivityType;
import io.quotaflow.events.activity.EngagementSignal;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.ingest.ActivityReported;
import io.quotaflow.web.FieldProblem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Judges one received activity against the rules of the canonical API, naming every field that breaks one: required
 * fields per type, formats, enum values, amounts (positive, at most two decimals, at most the configured bound),
 * {@code occurredAt} neither in the future (beyond a small skew) nor older than the configured window, lengths.
 * Pure: what it knows of the rep and of currency rates is checked later, for a whole batch at once.
 */
public final class ActivityValidator {

    /** Sources are names like {@code hubspot}, {@code salesforce}, {@code dingtalk-relay}, {@code csv}. */
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    /** Ids as the org spells them: letters, digits and {@code . _ : -}. */
    private static final Pattern REP_ID = Pattern.compile("[A-Za-z0-9._:@-]+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** Ids other systems keep and export: none may start like a spreadsheet formula. */
    private static final Set<Field> IDS = EnumSet.of(Field.EXTERNAL_ID, Field.CUSTOMER_ID, Field.DEAL_ID,
            Field.PRODUCT_LINE, Field.REGION_ID, Field.PROMOTION_CODE);
    private static final String FORMULA_START = "=+-@";
    private static final int MAX_DURATION_SECONDS = 86_400;
    private static final int MAX_DECIMALS = 2;
    private static final Duration DUE_DATE_HORIZON = Duration.ofDays(3_660);

    private static final Set<ActivityType> LEAD_CHANNEL_TYPES =
            EnumSet.of(ActivityType.LEAD_CREATED, ActivityType.LEAD_QUALIFIED, ActivityType.DEAL_CLOSED);
    private static final Set<ActivityType> NEEDS_CUSTOMER = EnumSet.of(ActivityType.LEAD_CREATED,
            ActivityType.LEAD_QUALIFIED, ActivityType.DEAL_CLOSED, ActivityType.ENGAGEMENT_SIGNALLED);
    private static final Set<ActivityType> NEEDS_DEAL = EnumSet.of(ActivityType.OPPORTUNITY_STAGE_CHANGED,
            ActivityType.DEAL_CANCELLED, ActivityType.PAYMENT_COLLECTED);
    private static final Set<ActivityType> NEEDS_AMOUNT = EnumSet.of(ActivityType.DEAL_CLOSED,
            ActivityType.PAYMENT_COLLECTED);
    private static final Set<ActivityType> HAS_AMOUNT = EnumSet.of(ActivityType.DEAL_CLOSED,
            ActivityType.PAYMENT_COLLECTED, ActivityType.OPPORTUNITY_STAGE_CHANGED);

    private final IngestionProperties limits;

    public ActivityValidator(IngestionProperties limits) {
        this.limits = limits;
    }

    /** The activity, or everything wrong with it (by bare field name). */
    public Validated validate(RawActivity raw, Instant now) {
        Check check = new Check(raw);
        String source = check.text(Field.SOURCE, true);
        if (source != null) {
            source = source.toLowerCase(Locale.ROOT);
            check.matches(Field.SOURCE, source, SOURCE, "must be lower-case letters, digits, '.', '_' or '-'");
        }
        String externalId = check.text(Field.EXTERNAL_ID, true);
        ActivityType type = check.constant(Field.TYPE, ActivityType.class, true);
        String repId = check.text(Field.REP_ID, true);
        if (repId != null) {
            check.matches(Field.REP_ID, repId, REP_ID, "must be letters, digits, '.', '_', ':', '@' or '-'");
        }
        Instant occurredAt = check.instant(Field.OCCURRED_AT, true);
        if (occurredAt != null) {
            if (occurredAt.isAfter(now.plus(limits.futureSkew()))) {
                check.problem(Field.OCCURRED_AT, "must not be in the future");
            } else if (occurredAt.isBefore(now.minus(limits.maxAge()))) {
                check.problem(Field.OCCURRED_AT, "must not be more than " + limits.maxAge().toDays() + " days ago");
            }
        }
        String customerId = check.text(Field.CUSTOMER_ID, type != null && NEEDS_CUSTOMER.contains(type));
        String dealId = check.text(Field.DEAL_ID, type != null && NEEDS_DEAL.contains(type));
        String productLine = check.text(Field.PRODUCT_LINE, false);
        String regionId = check.text(Field.REGION_ID, false);
        String stage = check.text(Field.STAGE, type == ActivityType.OPPORTUNITY_STAGE_CHANGED);
        String promotionCode = check.text(Field.PROMOTION_CODE, false);
        String reason = check.text(Field.REASON, false);

        BigDecimal amount = check.amount(Field.AMOUNT, type != null && NEEDS_AMOUNT.contains(type));
        BigDecimal grossMargin = check.money(Field.GROSS_MARGIN, false);
        if (grossMargin != null && amount != null && grossMargin.abs().compareTo(amount) > 0) {
            check.problem(Field.GROSS_MARGIN, "must not exceed the amount");
        }
        boolean carriesMoney = type != null && HAS_AMOUNT.contains(type)
                && (check.present(Field.AMOUNT) || check.present(Field.GROSS_MARGIN));
        String currency = check.currency(Field.CURRENCY, carriesMoney);

        String channel = null;
        if (type == ActivityType.FOLLOW_UP_LOGGED) {
            FollowUpChannel followUp = check.constant(Field.CHANNEL, FollowUpChannel.class, true);
            channel = followUp == null ? null : followUp.name();
        } else if (type != null && LEAD_CHANNEL_TYPES.contains(type)) {
            LeadChannel lead = check.constant(Field.CHANNEL, LeadChannel.class, false);
            channel = lead == null ? null : lead.name();
        }
        EngagementSignal signal = type == ActivityType.ENGAGEMENT_SIGNALLED
                ? check.constant(Field.SIGNAL, EngagementSignal.class, true) : null;
        Integer durationSeconds = check.duration(Field.DURATION_SECONDS, signal == EngagementSignal.SITE_VISIT);
        Instant opportunityCreatedAt = check.instant(Field.OPPORTUNITY_CREATED_AT, false);
        if (opportunityCreatedAt != null && occurredAt != null && opportunityCreatedAt.isAfter(occurredAt)) {
            check.problem(Field.OPPORTUNITY_CREATED_AT, "must not be after occurredAt");
        }
        LocalDate dueDate = check.date(Field.DUE_DATE);
        if (dueDate != null && occurredAt != null) {
            Instant due = dueDate.atStartOfDay().toInstant(ZoneOffset.UTC);
            if (due.isAfter(occurredAt.plus(DUE_DATE_HORIZON)) || due.isBefore(occurredAt.minus(DUE_DATE_HORIZON))) {
                check.problem(Field.DUE_DATE, "must be within ten years of occurredAt");
            }
        }

        if (!check.problems.isEmpty()) {
            return Validated.invalid(List.copyOf(check.problems));
        }
        return Validated.valid(new ActivityReported(source, externalId, type, repId, occurredAt, customerId,
                HAS_AMOUNT.contains(type) ? amount : null, carriesMoney ? currency : null, productLine, regionId,
                channel, dealId, type == ActivityType.OPPORTUNITY_STAGE_CHANGED ? stage : null, durationSeconds,
                promotionCode, type == ActivityType.DEAL_CLOSED ? grossMargin : null, opportunityCreatedAt, dueDate,
                signal, reason));
    }

    /** A valid activity, or the problems of an invalid one. */
    public record Validated(ActivityReported activity, List<FieldProblem> problems) {

        static Validated valid(ActivityReported activity) {
            return new Validated(activity, List.of());
        }

        static Validated invalid(List<FieldProblem> problems) {
            return new Validated(null, problems);
        }

        public boolean isValid() {
            return activity != null;
        }
    }

    /** The checks of one activity, collecting problems (one per field at most). */
    private final class Check {

        private final RawActivity raw;
        private final Set<FieldProblem> problems = new LinkedHashSet<>();
        private final Set<String> reported = new LinkedHashSet<>();

        Check(RawActivity raw) {
            this.raw = raw;
            raw.problems().forEach(problem -> {
                problems.add(problem);
                reported.add(problem.field());
            });
        }

        boolean present(Field field) {
            return raw.get(field) != null;
        }

        void problem(Field field, String message) {
            if (reported.add(field.wireName())) {
                problems.add(new FieldProblem(field.wireName(), message));
            }
        }

        /**
         * The field's text if present, of allowed length, free of control characters and (but for the free-text
         * reason) of invisible formatting characters — bidirectional overrides, zero-width characters, byte-order
         * marks, which make one id look like another — and, for an id, not starting like a spreadsheet formula.
         */
        String text(Field field, boolean required) {
            String value = raw.get(field);
            if (reported.contains(field.wireName())) {
                return null;
            }
            if (value == null) {
                if (required) {
                    problem(field, "is required");
                }
                return null;
            }
            if (value.length() > field.maxLength()) {
                problem(field, "must be at most " + field.maxLength() + " characters");
                return null;
            }
            if (hasControlCharacters(value)) {
                problem(field, "must not contain control characters");
                return null;
            }
            if (value.indexOf('\uFFFD') >= 0) {
                problem(field, "must be valid UTF-8 (it holds a replacement character)");
                return null;
            }
            if (field != Field.REASON && hasFormattingCharacters(value)) {
                problem(field, "must not contain invisible formatting characters (bidirectional or zero-width)");
                return null;
            }
            if (IDS.contains(field) && FORMULA_START.indexOf(value.charAt(0)) >= 0) {
                problem(field, "must not start with '=', '+', '-' or '@'");
                return null;
            }
            return value;
        }

        private boolean hasFormattingCharacters(String value) {
            return value.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT);
        }

        private boolean hasControlCharacters(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (Character.isISOControl(value.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        void matches(Field field, String value, Pattern pattern, String message) {
            if (!pattern.matcher(value).matches()) {
                problem(field, message);
            }
        }

        <E extends Enum<E>> E constant(Field field, Class<E> type, boolean required) {
            return parsed(field, required, type, value -> Enum.valueOf(type, value));
        }

        Instant instant(Field field, boolean required) {
            return parsed(field, required, Instant.class, value -> OffsetDateTime.parse(value).toInstant());
        }

        LocalDate date(Field field) {
            return parsed(field, false, LocalDate.class, LocalDate::parse);
        }

        /** The field's text read as a {@code type}; a problem saying what it must be when it cannot be. */
        private <T> T parsed(Field field, boolean required, Class<?> type, Function<String, T> parse) {
            String value = text(field, required);
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException | DateTimeException unreadable) {
                problems.add(FieldProblem.unreadable(field.wireName(), type));
                reported.add(field.wireName());
                return null;
            }
        }

        /** A decimal with at most two decimals whose size is at most the configured bound. */
        BigDecimal money(Field field, boolean required) {
            BigDecimal amount = parsed(field, required, BigDecimal.class, BigDecimal::new);
            if (amount == null) {
                return null;
            }
            if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
                problem(field, "must have at most " + MAX_DECIMALS + " decimals");
                return null;
            }
            if (amount.abs().compareTo(limits.maxAmount()) > 0) {
                problem(field, "must be at most " + limits.maxAmount().toPlainString());
                return null;
            }
            return amount.setScale(MAX_DECIMALS, RoundingMode.UNNECESSARY);
        }

        BigDecimal amount(Field field, boolean required) {
            BigDecimal amount = money(field, required);
            if (amount != null && amount.signum() <= 0) {
                problem(field, "must be greater than 0");
                return null;
            }
            return amount;
        }

        String currency(Field field, boolean required) {
            String value = text(field, required);
            if (value == null) {
                return null;
            }
            if (!CURRENCY.matcher(value).matches()) {
                problem(field, "must be an ISO-4217 currency code such as CNY");
                return null;
            }
            try {
                return Currency.getInstance(value).getCurrencyCode();
            } catch (IllegalArgumentException unknown) {
                problem(field, "is not an ISO-4217 currency");
                return null;
            }
        }

        Integer duration(Field field, boolean required) {
            Integer seconds = parsed(field, required, Integer.class, Integer::valueOf);
            if (seconds == null) {
                return null;
            }
            if (seconds < 0 || seconds > MAX_DURATION_SECONDS) {
                problem(field, "must be between 0 and " + MAX_DURATION_SECONDS);
                return null;
            }
            return seconds;
        }
    }
}
