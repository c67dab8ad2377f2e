package io.quotaflow.activity.rates;

import io.quotaflow.activity.support.ReadThroughCache;
import io.quotaflow.platform.config.OrganisationProperties;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import io.quotaflow.platform.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Currency rates into the organisation's reporting currency, effective-dated, kept by admins. Ingestion converts
 * every amount in another currency at the rate effective on the activity's day; with no such rate the activity is
 * refused, never guessed. Tables are cached for {@code quotaflow.activity.rates.cache-ttl} (a change made on another
 * instance is seen within it; on this instance at once).
 */
@Service
public class RateService {

    static final int MAX_ENTRIES = 1_000;
    private static final int MAX_RATE_DECIMALS = 10;
    private static final BigDecimal MAX_RATE = new BigDecimal("1000000");
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private final Rates rates;
    private final String reportingCurrency;
    private final Clock clock;
    private final ReadThroughCache<RateTable> tables;

    RateService(Rates rates, OrganisationProperties organisation, Clock clock,
                @Value("${quotaflow.activity.rates.cache-ttl:10s}") Duration cacheTtl) {
        this.rates = rates;
        this.reportingCurrency = organisation.reportingCurrency().getCurrencyCode();
        this.clock = clock;
        this.tables = new ReadThroughCache<>(cacheTtl, 1_000, currencies -> {
            Map<String, RateTable> found = new HashMap<>();
            rates.findAllById(currencies).forEach(stored -> found.put(stored.currency(), stored.table()));
            return found;
        });
    }

    public String reportingCurrency() {
        return reportingCurrency;
    }

    // ---- the resource ------------------------------------------------------------------------------------------

    /** Replaces the table of {@code currency}; {@code true} when it did not exist before. */
    public boolean put(Caller caller, String currency, RatesInput input) {
        caller.requireAnyRole(Role.ADMIN);
        List<RateTable.Entry> entries = validate(currency, input);
        boolean created = !rates.existsById(currency);
        rates.save(new CurrencyRates(currency, entries, clock.instant(), caller.subject()));
        tables.invalidate(currency);
        return created;
    }

    public RateTable get(Caller caller, String currency) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.INTEGRATION);
        return rates.findById(currency).map(CurrencyRates::table)
                .orElseThrow(() -> new NotFoundException("rate table", currency));
    }

    public List<RateTable> all(Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.INTEGRATION);
        return rates.findAll().stream().map(CurrencyRates::table)
                .sorted(java.util.Comparator.comparing(RateTable::currency)).toList();
    }

    // ---- conversion --------------------------------------------------------------------------------------------

    /** What converting amounts in {@code currency} on a day needs: a key for a batch's rates. */
    public record Need(String currency, LocalDate day) {
    }

    /**
     * The conversion of each need (one read of the tables not cached); a need without a rate is absent from the
     * answer.
     */
    public Map<Need, Conversion> conversions(Collection<Need> needs) {
        Set<String> currencies = new HashSet<>();
        needs.forEach(need -> {
            if (!need.currency().equals(reportingCurrency)) {
                currencies.add(need.currency());
            }
        });
        Map<String, RateTable> found = tables.getAll(currencies);
        Map<Need, Conversion> conversions = new HashMap<>();
        for (Need need : needs) {
            if (need.currency().equals(reportingCurrency)) {
                conversions.put(need, Conversion.identity(reportingCurrency));
                continue;
            }
            Optional.ofNullable(found.get(need.currency())).flatMap(table -> table.rateOn(need.day()))
                    .ifPresent(rate -> conversions.put(need, new Conversion(need.currency(), reportingCurrency, rate)));
        }
        return conversions;
    }

    private List<RateTable.Entry> validate(String currency, RatesInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!CODE.matcher(currency).matches() || !isCurrency(currency)) {
            problems.add(new FieldProblem("currency", "must be an ISO-4217 currency code such as USD"));
        } else if (currency.equals(reportingCurrency)) {
            problems.add(new FieldProblem("currency", "is the reporting currency; it needs no rate"));
        }
        List<RatesInput.EntryInput> entries = input == null ? null : input.entries();
        if (entries == null || entries.isEmpty()) {
            problems.add(new FieldProblem("entries", "must hold at least one rate"));
        } else if (entries.size() > MAX_ENTRIES) {
            problems.add(new FieldProblem("entries", "must hold at most " + MAX_ENTRIES + " rates"));
        } else {
            Set<LocalDate> days = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                RatesInput.EntryInput entry = entries.get(i);
                String at = "entries[" + i + "]";
                if (entry == null) {
                    problems.add(new FieldProblem(at, "is required"));
                    continue;
                }
                if (entry.effectiveFrom() == null) {
                    problems.add(new FieldProblem(at + ".effectiveFrom", "is required"));
                } else if (!days.add(entry.effectiveFrom())) {
                    problems.add(new FieldProblem(at + ".effectiveFrom", "is given twice"));
                }
                BigDecimal rate = entry.rate();
                if (rate == null) {
                    problems.add(new FieldProblem(at + ".rate", "is required"));
                } else if (rate.signum() <= 0) {
                    problems.add(new FieldProblem(at + ".rate", "must be greater than 0"));
                } else if (rate.stripTrailingZeros().scale() > MAX_RATE_DECIMALS) {
                    problems.add(new FieldProblem(at + ".rate", "must have at most " + MAX_RATE_DECIMALS + " decimals"));
                } else if (rate.compareTo(MAX_RATE) > 0) {
                    problems.add(new FieldProblem(at + ".rate", "must be at most " + MAX_RATE.toPlainString()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return entries.stream().map(entry -> new RateTable.Entry(entry.effectiveFrom(), entry.rate())).toList();
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
