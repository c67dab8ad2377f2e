package io.quotaflow.localstack.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A simulated rep: who they are in the sales org, and how they behave.
 *
 * @param salesforceUserId the rep's Salesforce user, mapped to the rep with {@code PUT /api/crm/owners/salesforce/…}
 * @param bigAccount       the A-tier customer the rep owns, or {@code null}
 * @param hubspotOwnerId   for a rep of the HubSpot team ({@link DemoScenario#HUBSPOT_TEAM}), the rep's HubSpot owner,
 *                         mapped with {@code PUT /api/crm/owners/hubspot/…}; otherwise {@code null}
 */
public record DemoRep(String id, String name, String teamId, LocalDate hiredOn, BigDecimal capacity, Pace pace,
                      boolean conversionDrops, String bigAccount, String salesforceUserId,
                      String hubspotOwnerId) {

    /** How a rep spreads effort over the month. */
    public enum Pace {
        /** The same every week. */
        STEADY,
        /** Slack for the first ten days, then a rush in the last third (the pacing chart's "slack early, rush late"). */
        RUSH_LATE
    }
}
