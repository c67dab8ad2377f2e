package io.quotaflow.activity.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount converted to the reporting currency at one rate, rounded half up to the reporting currency's minor
 * unit (fen for CNY).
 *
 * @param rate {@code 1} when the amount is already in the reporting currency
 */
public record Conversion(String from, String to, BigDecimal rate) {

    public static Conversion identity(String currency) {
        return new Conversion(currency, currency, BigDecimal.ONE);
    }

    public BigDecimal apply(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        int digits = Math.max(0, Currency.getInstance(to).getDefaultFractionDigits());
        return amount.multiply(rate).setScale(digits, RoundingMode.HALF_UP);
    }
}
