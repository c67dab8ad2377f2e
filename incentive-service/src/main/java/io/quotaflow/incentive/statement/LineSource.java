package io.quotaflow.incentive.statement;

import io.quotaflow.incentive.award.StatementLine;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * Where statement lines and awards come from: the ledgers' documents (thresholds, commission, SPIFFs), the period
 * close (ranks, team bonuses) and resolved inquiries (adjustments). Each reads by {@code _id}.
 */
public interface LineSource {

    /** The lines a payee's statement for {@code period} carries (adjustments of earlier periods included). */
    List<StatementLine> paidIn(String payeeId, YearMonth period);

    /** The awards a payee earned in {@code period}, wherever they are paid. */
    List<AwardView> earnedIn(String payeeId, YearMonth period);

    /** Everyone this source has anything for in {@code period}. */
    Set<String> payees(YearMonth period);
}
