package io.quotaflow.incentive.statement.web;

import io.quotaflow.incentive.statement.AwardView;
import io.quotaflow.incentive.statement.Statement;
import io.quotaflow.incentive.statement.StatementReader;
import io.quotaflow.incentive.statement.TeamStatement;
import io.quotaflow.incentive.statement.TeamStatements;
import io.quotaflow.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.List;

/** Awards and statements: a REP sees their own, a MANAGER their teams', ADMIN everyone's. */
@RestController
class StatementController {

    private final StatementReader statements;
    private final TeamStatements teams;

    StatementController(StatementReader statements, TeamStatements teams) {
        this.statements = statements;
        this.teams = teams;
    }

    @GetMapping("/api/incentives/awards")
    List<AwardView> awards(@RequestParam(required = false) String repId, @RequestParam YearMonth period, Caller caller) {
        return statements.awards(repId, period, caller);
    }

    @GetMapping("/api/incentives/statements/{repId}")
    Statement statement(@PathVariable String repId, @RequestParam YearMonth period, Caller caller) {
        return statements.statement(repId, period, caller);
    }

    @GetMapping("/api/incentives/statements")
    TeamStatement team(@RequestParam String teamId, @RequestParam YearMonth period, Caller caller) {
        return teams.of(teamId, period, caller);
    }
}
