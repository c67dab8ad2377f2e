package io.quotaflow.incentive.statement;

import java.time.YearMonth;
import java.util.List;

/** A manager's view of a team's statements for a period: each member's totals, and the team's. */
public record TeamStatement(String teamId, YearMonth period, String status, List<Member> members,
                            List<Statement.Total> totals) {

    /** A member's totals and how many lines their statement holds. */
    public record Member(String repId, int lines, List<Statement.Total> totals) {
    }
}
