package io.quotaflow.events.incentive;

import io.quotaflow.events.DomainEvent;

/** Events published by incentive-service on the {@code incentives} topic. */
public sealed interface IncentiveEvent extends DomainEvent
        permits IncentiveAwarded, IncentiveClawedBack, PeriodClosed {
}
