package io.quotaflow.incentive.domain;

import io.quotaflow.events.TargetMetric;
import io.quotaflow.incentive.domain.PlanDraft.BandDraft;
import io.quotaflow.incentive.domain.PlanDraft.EligibilityDraft;
import io.quotaflow.incentive.domain.PlanDraft.RuleDraft;
import io.quotaflow.incentive.domain.PlanDraft.TierDraft;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a plan whole: every bad field is named (as the client wrote it, {@code rules[1].bands[0].rate}) in one
 * answer, and only a plan without a single violation is turned into an {@link IncentivePlan}.
 */
public final class PlanValidator {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern TEAM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000.00");
    private static final BigDecimal MAX_LEVEL = BigDecimal.TEN;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final int MAX_RULES = 50;
    private static final int MAX_STEPS = 20;
    private static final int MAX_RANKS = 100;
    private static final Set<TargetMetric> COMMISSION_METRICS =
            EnumSet.of(TargetMetric.REVENUE, TargetMetric.GROSS_MARGIN, TargetMetric.COLLECTIONS);

    /** The fields each rule type uses; any other field given is refused. */
    private static final Map<RuleType, Set<String>> FIELDS = Map.of(
            RuleType.THRESHOLD, Set.of("metric", "level", "amount", "tiers"),
            RuleType.TIERED_COMMISSION, Set.of("metric", "payOn", "bands", "cap", "floor"),
            RuleType.PER_UNIT, Set.of("unit", "amount", "productLine", "promotionCode", "window"),
            RuleType.RANK, Set.of("metric", "amounts", "tieRule"),
            RuleType.TEAM_BONUS, Set.of("metric", "level", "amountPerMember", "pool"));

    private final String reportingCurrency;

    public PlanValidator(String reportingCurrency) {
        this.reportingCurrency = reportingCurrency;
    }

    /** The plan, or why not. */
    public record Result(IncentivePlan plan, List<Violation> violations) {

        public Result {
            violations = List.copyOf(violations);
        }

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /**
     * Validates {@code draft} as version {@code version} of {@code planId}, against the other plans in force (their
     * latest versions) for overlapping effective dates.
     */
    public Result validate(String planId, int version, PlanDraft draft, Collection<IncentivePlan> others) {
        Problems problems = new Problems();
        if (planId == null || !ID.matcher(planId).matches()) {
            problems.add("planId", "must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
        }
        if (draft == null) {
            problems.add("body", "is required");
            return new Result(null, problems.list);
        }
        String name = draft.name() == null ? null : draft.name().strip();
        if (name == null || name.isEmpty()) {
            problems.add("name", "is required");
        } else if (name.length() > 200) {
            problems.add("name", "must be at most 200 characters");
        }
        LocalDate from = draft.effectiveFrom();
        if (from == null) {
            problems.add("effectiveFrom", "is required");
        } else if (from.isBefore(EARLIEST) || from.isAfter(LATEST)) {
            problems.add("effectiveFrom", "must be between " + EARLIEST + " and " + LATEST);
        }
        LocalDate to = draft.effectiveTo();
        if (to != null && from != null && to.isBefore(from)) {
            problems.add("effectiveTo", "must not be before effectiveFrom");
        } else if (to != null && to.isAfter(LATEST)) {
            problems.add("effectiveTo", "must be at most " + LATEST);
        }
        String currency = currency(draft.currency(), problems);
        Eligibility eligibility = eligibility(draft.eligibility(), problems);
        List<Rule> rules = rules(draft.rules(), currency, problems);
        if (problems.list.isEmpty()) {
            for (IncentivePlan other : others) {
                if (!other.planId().equals(planId) && other.overlaps(from, to)
                        && other.eligibility().sharesPayeesWith(eligibility)) {
                    problems.add("effectiveFrom", "overlaps plan " + other.planId() + " (" + other.effectiveFrom()
                            + " to " + (other.effectiveTo() == null ? "open" : other.effectiveTo())
                            + ") for the same payees: end one before the other starts, or give them different teams");
                }
            }
        }
        if (!problems.list.isEmpty()) {
            return new Result(null, problems.list);
        }
        return new Result(new IncentivePlan(planId, version, name, from, to, currency, eligibility, rules), List.of());
    }

    private String currency(String given, Problems problems) {
        if (given == null) {
            return reportingCurrency;
        }
        try {
            if (given.length() == 3 && given.equals(given.toUpperCase())) {
                return Currency.getInstance(given).getCurrencyCode();
            }
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        problems.add("currency", "must be an ISO-4217 currency code such as " + reportingCurrency);
        return null;
    }

    private Eligibility eligibility(EligibilityDraft draft, Problems problems) {
        if (draft == null) {
            return Eligibility.REPS;
        }
        Set<PayeeRole> roles = EnumSet.noneOf(PayeeRole.class);
        if (draft.roles() == null || draft.roles().isEmpty()) {
            roles.add(PayeeRole.REP);
        } else {
            for (int i = 0; i < draft.roles().size(); i++) {
                PayeeRole role = parse(PayeeRole.class, draft.roles().get(i), "eligibility.roles[" + i + "]", problems);
                if (role != null) {
                    roles.add(role);
                }
            }
        }
        Set<String> teams = null;
        if (draft.teamIds() != null) {
            teams = new LinkedHashSet<>();
            if (draft.teamIds().isEmpty()) {
                problems.add("eligibility.teamIds", "must name at least one team, or be left out for every team");
            }
            for (int i = 0; i < draft.teamIds().size(); i++) {
                String team = draft.teamIds().get(i);
                if (team == null || !TEAM_ID.matcher(team).matches()) {
                    problems.add("eligibility.teamIds[" + i + "]", "must be a team id");
                } else {
                    teams.add(team);
                }
            }
        }
        MinimumActivity minimum = null;
        if (draft.minimumActivity() != null) {
            TargetMetric metric = parse(TargetMetric.class, draft.minimumActivity().metric(),
                    "eligibility.minimumActivity.metric", problems);
            if (metric != null && !MinimumActivity.METRICS.contains(metric)) {
                problems.add("eligibility.minimumActivity.metric", "must be one of " + sorted(MinimumActivity.METRICS));
            }
            Long count = draft.minimumActivity().count();
            if (count == null || count < 1 || count > 100_000) {
                problems.add("eligibility.minimumActivity.count", "must be a whole number from 1 to 100000");
            }
            if (metric != null && count != null) {
                minimum = new MinimumActivity(metric, count);
            }
        }
        return new Eligibility(roles, teams, minimum, Boolean.TRUE.equals(draft.prorateNewHires()));
    }

    private List<Rule> rules(List<RuleDraft> drafts, String currency, Problems problems) {
        List<Rule> rules = new ArrayList<>();
        if (drafts == null || drafts.isEmpty()) {
            problems.add("rules", "must hold at least one rule");
            return rules;
        }
        if (drafts.size() > MAX_RULES) {
            problems.add("rules", "must hold at most " + MAX_RULES + " rules");
            return rules;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String at = "rules[" + i + "]";
            RuleDraft draft = drafts.get(i);
            if (draft == null) {
                problems.add(at, "is required");
                continue;
            }
            if (draft.ruleId() == null || !ID.matcher(draft.ruleId()).matches()) {
                problems.add(at + ".ruleId", "must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
            } else if (!ids.add(draft.ruleId())) {
                problems.add(at + ".ruleId", "is used by another rule of the plan");
            }
            RuleType type = parse(RuleType.class, draft.type(), at + ".type", problems);
            if (type == null) {
                continue;
            }
            unusedFields(draft, type, at, problems);
            Rule rule = switch (type) {
                case THRESHOLD -> threshold(draft, at, problems);
                case TIERED_COMMISSION -> commission(draft, at, currency, problems);
                case PER_UNIT -> perUnit(draft, at, problems);
                case RANK -> rank(draft, at, problems);
                case TEAM_BONUS -> teamBonus(draft, at, problems);
            };
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private static void unusedFields(RuleDraft draft, RuleType type, String at, Problems problems) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("metric", draft.metric());
        given.put("level", draft.level());
        given.put("amount", draft.amount());
        given.put("tiers", draft.tiers());
        given.put("payOn", draft.payOn());
        given.put("bands", draft.bands());
        given.put("cap", draft.cap());
        given.put("floor", draft.floor());
        given.put("unit", draft.unit());
        given.put("productLine", draft.productLine());
        given.put("promotionCode", draft.promotionCode());
        given.put("window", draft.window());
        given.put("amounts", draft.amounts());
        given.put("tieRule", draft.tieRule());
        given.put("amountPerMember", draft.amountPerMember());
        given.put("pool", draft.pool());
        given.forEach((field, value) -> {
            if (value != null && !FIELDS.get(type).contains(field)) {
                problems.add(at + "." + field, "is not used by a " + type + " rule");
            }
        });
    }

    private Rule threshold(RuleDraft draft, String at, Problems problems) {
        TargetMetric metric = required(TargetMetric.class, draft.metric(), at + ".metric", problems);
        List<ThresholdRule.Tier> tiers = new ArrayList<>();
        if (draft.tiers() != null) {
            if (draft.level() != null || draft.amount() != null) {
                problems.add(at + ".tiers", "give either level and amount, or tiers, not both");
                return null;
            }
            if (draft.tiers().isEmpty() || draft.tiers().size() > MAX_STEPS) {
                problems.add(at + ".tiers", "must hold 1 to " + MAX_STEPS + " tiers");
                return null;
            }
            BigDecimal previous = null;
            for (int i = 0; i < draft.tiers().size(); i++) {
                TierDraft tier = draft.tiers().get(i);
                String tierAt = at + ".tiers[" + i + "]";
                BigDecimal level = tier == null ? null : ratio(tier.level(), tierAt + ".level", false, problems);
                BigDecimal amount = tier == null ? null : money(tier.amount(), tierAt + ".amount", problems);
                if (level != null && previous != null && level.compareTo(previous) <= 0) {
                    problems.add(tierAt + ".level", "must be above the previous tier's level " + previous.toPlainString());
                }
                if (level != null) {
                    previous = level;
                }
                if (level != null && amount != null) {
                    tiers.add(new ThresholdRule.Tier(level, amount));
                }
            }
        } else {
            BigDecimal level = ratio(draft.level(), at + ".level", false, problems);
            BigDecimal amount = money(draft.amount(), at + ".amount", problems);
            if (level != null && amount != null) {
                tiers.add(new ThresholdRule.Tier(level, amount));
            }
        }
        return metric == null || tiers.isEmpty() ? null : new ThresholdRule(draft.ruleId(), metric, tiers);
    }

    private Rule commission(RuleDraft draft, String at, String currency, Problems problems) {
        TargetMetric metric = required(TargetMetric.class, draft.metric(), at + ".metric", problems);
        if (metric != null && !COMMISSION_METRICS.contains(metric)) {
            problems.add(at + ".metric", "must be one of " + sorted(COMMISSION_METRICS) + " for commission");
            metric = null;
        }
        PayOn payOn = draft.payOn() == null ? PayOn.CLOSE : parse(PayOn.class, draft.payOn(), at + ".payOn", problems);
        if (metric == TargetMetric.COLLECTIONS && payOn == PayOn.CLOSE) {
            problems.add(at + ".payOn", "must be COLLECTION for commission on collections");
        }
        if (currency != null && !currency.equals(reportingCurrency)) {
            problems.add("currency", "must be the reporting currency " + reportingCurrency
                    + " for a plan with commission (deal amounts are in it)");
        }
        List<CommissionRule.Band> bands = bands(draft.bands(), at + ".bands", problems);
        BigDecimal cap = draft.cap() == null ? null : money(draft.cap(), at + ".cap", problems);
        BigDecimal floor = draft.floor() == null ? null : money(draft.floor(), at + ".floor", problems);
        if (cap != null && floor != null && cap.compareTo(floor) < 0) {
            problems.add(at + ".cap", "must not be below the floor " + floor.toPlainString());
        }
        return metric == null || payOn == null || bands == null ? null
                : new CommissionRule(draft.ruleId(), metric, payOn, bands, cap, floor);
    }

    private static List<CommissionRule.Band> bands(List<BandDraft> drafts, String at, Problems problems) {
        if (drafts == null || drafts.isEmpty() || drafts.size() > MAX_STEPS) {
            problems.add(at, "must hold 1 to " + MAX_STEPS + " bands");
            return null;
        }
        List<CommissionRule.Band> bands = new ArrayList<>();
        int before = problems.list.size();
        for (int i = 0; i < drafts.size(); i++) {
            BandDraft band = drafts.get(i);
            String bandAt = at + "[" + i + "]";
            if (band == null) {
                problems.add(bandAt, "is required");
                continue;
            }
            BigDecimal from = ratio(band.from(), bandAt + ".from", true, problems);
            BigDecimal to = band.to() == null ? null : ratio(band.to(), bandAt + ".to", false, problems);
            BigDecimal rate = rate(band.rate(), bandAt + ".rate", problems);
            if (from != null && to != null && to.compareTo(from) <= 0) {
                problems.add(bandAt + ".to", "must be above from " + from.toPlainString());
            }
            if (band.to() == null && i < drafts.size() - 1) {
                problems.add(bandAt + ".to", "only the last band may be open-ended");
            }
            if (i > 0 && from != null && !bands.isEmpty()) {
                CommissionRule.Band previous = bands.get(bands.size() - 1);
                if (previous.to() != null && from.compareTo(previous.to()) < 0) {
                    problems.add(bandAt + ".from", "overlaps the previous band, which ends at "
                            + previous.to().toPlainString() + ": bands go in increasing order without overlap");
                }
            }
            if (from != null && rate != null) {
                bands.add(new CommissionRule.Band(from, to, rate));
            }
        }
        return problems.list.size() == before ? bands : null;
    }

    private static Rule perUnit(RuleDraft draft, String at, Problems problems) {
        Unit unit = required(Unit.class, draft.unit(), at + ".unit", problems);
        BigDecimal amount = money(draft.amount(), at + ".amount", problems);
        String productLine = text(draft.productLine(), at + ".productLine", problems);
        String promotionCode = text(draft.promotionCode(), at + ".promotionCode", problems);
        LocalDate windowFrom = null;
        LocalDate windowTo = null;
        if (draft.window() != null) {
            windowFrom = draft.window().from();
            windowTo = draft.window().to();
            if (windowFrom == null) {
                problems.add(at + ".window.from", "is required");
            }
            if (windowTo == null) {
                problems.add(at + ".window.to", "is required");
            }
            if (windowFrom != null && windowTo != null && windowTo.isBefore(windowFrom)) {
                problems.add(at + ".window.to", "must not be before window.from");
            }
        }
        return unit == null || amount == null ? null
                : new PerUnitRule(draft.ruleId(), unit, amount, productLine, promotionCode, windowFrom, windowTo);
    }

    private static Rule rank(RuleDraft draft, String at, Problems problems) {
        TargetMetric metric = required(TargetMetric.class, draft.metric(), at + ".metric", problems);
        TieRule tieRule = draft.tieRule() == null ? TieRule.SPLIT
                : parse(TieRule.class, draft.tieRule(), at + ".tieRule", problems);
        List<BigDecimal> amounts = new ArrayList<>();
        if (draft.amounts() == null || draft.amounts().isEmpty() || draft.amounts().size() > MAX_RANKS) {
            problems.add(at + ".amounts", "must hold 1 to " + MAX_RANKS + " amounts, the first place's first");
        } else {
            for (int i = 0; i < draft.amounts().size(); i++) {
                BigDecimal amount = money(draft.amounts().get(i), at + ".amounts[" + i + "]", problems);
                if (amount != null) {
                    amounts.add(amount);
                }
            }
        }
        return metric == null || tieRule == null || amounts.size() != sizeOf(draft.amounts()) ? null
                : new RankRule(draft.ruleId(), metric, amounts, tieRule);
    }

    private static Rule teamBonus(RuleDraft draft, String at, Problems problems) {
        TargetMetric metric = required(TargetMetric.class, draft.metric(), at + ".metric", problems);
        BigDecimal level = ratio(draft.level(), at + ".level", false, problems);
        if ((draft.amountPerMember() == null) == (draft.pool() == null)) {
            problems.add(at + ".amountPerMember", "give either amountPerMember or pool");
            return null;
        }
        BigDecimal perMember = draft.amountPerMember() == null ? null
                : money(draft.amountPerMember(), at + ".amountPerMember", problems);
        BigDecimal pool = draft.pool() == null ? null : money(draft.pool(), at + ".pool", problems);
        return metric == null || level == null || (perMember == null && pool == null) ? null
                : new TeamBonusRule(draft.ruleId(), metric, level, perMember, pool);
    }

    // ---- values -----------------------------------------------------------------------------------------------

    /** A positive amount of money with at most two decimals, at scale 2. */
    private static BigDecimal money(BigDecimal value, String field, Problems problems) {
        if (value == null) {
            problems.add(field, "is required");
            return null;
        }
        if (value.signum() <= 0) {
            problems.add(field, "must be positive");
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            problems.add(field, "must have at most 2 decimals");
            return null;
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            problems.add(field, "must be at most " + MAX_AMOUNT.toPlainString());
            return null;
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** An attainment ratio ({@code 0.8} = 80 %) up to 10, positive (or zero where allowed), at most 4 decimals. */
    private static BigDecimal ratio(BigDecimal value, String field, boolean zeroAllowed, Problems problems) {
        if (value == null) {
            problems.add(field, "is required");
            return null;
        }
        if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            problems.add(field, zeroAllowed ? "must not be negative" : "must be positive");
            return null;
        }
        if (value.compareTo(MAX_LEVEL) > 0 || value.stripTrailingZeros().scale() > 4) {
            problems.add(field, "must be an attainment ratio up to 10 (0.8 = 80 %) with at most 4 decimals");
            return null;
        }
        return value.stripTrailingZeros();
    }

    /** A commission rate from 0 to 1 ({@code 0.03} = 3 %), at most 6 decimals. */
    private static BigDecimal rate(BigDecimal value, String field, Problems problems) {
        if (value == null) {
            problems.add(field, "is required");
            return null;
        }
        if (value.signum() < 0) {
            problems.add(field, "must not be negative");
            return null;
        }
        if (value.compareTo(BigDecimal.ONE) > 0 || value.stripTrailingZeros().scale() > 6) {
            problems.add(field, "must be a rate from 0 to 1 (0.03 = 3 %) with at most 6 decimals");
            return null;
        }
        return value.stripTrailingZeros();
    }

    private static String text(String value, String field, Problems problems) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > 100) {
            problems.add(field, "must be 1 to 100 characters");
            return null;
        }
        return value;
    }

    private static <E extends Enum<E>> E required(Class<E> type, String value, String field, Problems problems) {
        if (value == null) {
            problems.add(field, "is required");
            return null;
        }
        return parse(type, value, field, problems);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Problems problems) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problems.add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    private static String sorted(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList().toString();
    }

    private static int sizeOf(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static final class Problems {
        private final List<Violation> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new Violation(field, message));
        }
    }
}
