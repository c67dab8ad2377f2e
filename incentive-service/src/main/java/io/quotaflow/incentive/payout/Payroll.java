package io.quotaflow.incentive.payout;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The payroll export of a period: per payee and currency what the statement pays. {@code status} is the period's
 * (only a CLOSED period's numbers are final); {@code totals} add the rows up per currency.
 */
public record Payroll(YearMonth period, String status, List<Row> rows, List<Total> totals) {

    /** One payee's pay in one currency; {@code net} = {@code awarded} − {@code clawedBack}. */
    public record Row(String repId, String name, String teamId, String currency, BigDecimal awarded,
                      BigDecimal clawedBack, BigDecimal net, BigDecimal held, int lines) {
    }

    public record Total(String currency, BigDecimal net, int payees) {
    }
}
