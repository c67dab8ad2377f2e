package io.quotaflow.incentive.payout;

import io.quotaflow.events.org.RepChanged;
import io.quotaflow.incentive.statement.Access;
import io.quotaflow.incentive.statement.PeriodState;
import io.quotaflow.incentive.statement.Statement;
import io.quotaflow.incentive.statement.StatementReader;
import io.quotaflow.platform.csv.CsvWriter;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What payroll pays for a period: every payee's statement totals, for ADMIN (all) and MANAGERs (their teams), as
 * JSON or CSV. In the CSV every text cell (names come from the CRM) is neutralised against formula injection.
 */
@Service
public class PayrollExport {

    static final List<String> HEADER = List.of("period", "status", "repId", "name", "teamId", "currency", "awarded",
            "clawedBack", "net", "held", "lines");

    private final StatementReader statements;
    private final OrgDirectory org;
    private final Access access;

    PayrollExport(StatementReader statements, OrgDirectory org, Access access) {
        this.statements = statements;
        this.org = org;
        this.access = access;
    }

    public Payroll of(YearMonth period, Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER);
        PeriodState state = statements.period(period);
        List<Payroll.Row> rows = new ArrayList<>();
        Map<String, BigDecimal> net = new TreeMap<>();
        Map<String, Integer> payees = new TreeMap<>();
        for (String payee : statements.payees(period)) {
            if (!access.canSeePayee(caller, payee, period)) {
                continue;
            }
            Statement statement = statements.statement(payee, period);
            RepChanged rep = org.rep(payee).orElse(null);
            String team = org.teamOf(payee, period.atEndOfMonth()).orElse(rep == null ? null : rep.teamId());
            for (Statement.Total total : statement.totals()) {
                long lines = statement.lines().stream().filter(line -> line.currency().equals(total.currency())).count();
                rows.add(new Payroll.Row(payee, rep == null ? null : rep.name(), team, total.currency(), total.awarded(),
                        total.clawedBack(), total.net(), total.held(), (int) lines));
                net.merge(total.currency(), total.net(), BigDecimal::add);
                payees.merge(total.currency(), 1, Integer::sum);
            }
        }
        List<Payroll.Total> totals = new ArrayList<>();
        net.forEach((currency, sum) -> totals.add(new Payroll.Total(currency, sum, payees.get(currency))));
        return new Payroll(period, state.status(), rows, totals);
    }

    /** The same as a CSV table, one line per row. */
    public String csv(YearMonth period, Caller caller) {
        Payroll payroll = of(period, caller);
        List<List<?>> lines = new ArrayList<>();
        for (Payroll.Row row : payroll.rows()) {
            lines.add(java.util.Arrays.asList(payroll.period().toString(), payroll.status(), row.repId(), row.name(),
                    row.teamId(), row.currency(), row.awarded(), row.clawedBack(), row.net(), row.held(),
                    (long) row.lines()));
        }
        return CsvWriter.write(HEADER, lines);
    }
}
