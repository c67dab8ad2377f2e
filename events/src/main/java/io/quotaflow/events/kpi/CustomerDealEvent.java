package io.quotaflow.events.kpi;

import io.quotaflow.events.DomainEvent;

/**
 * kpi-service's own re-keying topic {@code kpi-customer-deals}: what kpi-service learned about a customer's won
 * deals from the rep-keyed activity stream, keyed by customer, so that one partition owns each customer's state
 * (first deal ever, tier). Not meant for other services.
 */
public sealed interface CustomerDealEvent extends DomainEvent permits CustomerDealChanged {
}
