package io.quotaflow.incentive.statement;

import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.platform.security.Caller;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The manager view: the statements of everyone who was on a team during a period. */
@Service
public class TeamStatements {

    private final StatementReader statements;
    private final OrgDirectory org;
    private final Access access;

    TeamStatements(StatementReader statements, OrgDirectory org, Access access) {
        this.statements = statements;
        this.org = org;
        this.access = access;
    }

    public TeamStatement of(String teamId, YearMonth period, Caller caller) {
        caller.requireTeam(teamId);
        Set<String> members = new TreeSet<>();
        for (LocalDate day = period.atDay(1); !day.isAfter(period.atEndOfMonth()); day = day.plusDays(1)) {
            org.members(teamId, day).forEach(rep -> members.add(rep.repId()));
        }
        statements.payees(period).stream().filter(payee -> access.teamsOf(payee, period).contains(teamId))
                .forEach(members::add);
        List<TeamStatement.Member> rows = new ArrayList<>();
        List<Statement.Total> all = new ArrayList<>();
        for (String repId : members) {
            Statement statement = statements.statement(repId, period);
            all.addAll(statement.totals());
            rows.add(new TeamStatement.Member(repId, statement.lines().size(), statement.totals()));
        }
        return new TeamStatement(teamId, period, statements.period(period).status(), rows, Statement.Total.sum(all));
    }
}
