package io.quotaflow.activity.ingestion;

import io.quotaflow.activity.ActivityApi;
import io.quotaflow.activity.ActivityMother;
import io.quotaflow.activity.Body;
import io.quotaflow.activity.PublishedActivities;
import io.quotaflow.activity.TestOrg;
import io.quotaflow.activity.TestRates;
import io.quotaflow.events.EventHeaders;
import io.quotaflow.events.EventIds;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.events.activity.DealCancelled;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.activity.EngagementSignal;
import io.quotaflow.events.activity.EngagementSignalled;
import io.quotaflow.events.activity.FollowUpChannel;
import io.quotaflow.events.activity.FollowUpLogged;
import io.quotaflow.events.activity.LeadChannel;
import io.quotaflow.events.activity.LeadCreated;
import io.quotaflow.events.activity.LeadQualified;
import io.quotaflow.events.activity.OpportunityStageChanged;
import io.quotaflow.events.activity.PaymentCollected;
import io.quotaflow.platform.org.OrgDirectory;
import io.quotaflow.testsupport.EventTap;
import io.quotaflow.testsupport.ServiceIT;
import io.quotaflow.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Every activity type from HTTP to a Kafka consumer, with every field, on the real broker. */
@ServiceIT
class ActivityRoundTripIT {

    private static final Instant OCCURRED_AT = Instant.parse(ActivityMother.OCCURRED_AT);
    private static final Instant OPPORTUNITY_CREATED_AT = Instant.parse(ActivityMother.OPPORTUNITY_CREATED_AT);

    @Autowired
    RestTestClient http;
    @Autowired
    OrgDirectory org;

    private ActivityApi integration;
    private PublishedActivities published;

    @BeforeEach
    void setUp() {
        TestOrg.ensure(org);
        integration = new ActivityApi(http, TestTokens.shared().integration());
        published = PublishedActivities.tail();
    }

    @AfterEach
    void closeTap() {
        published.close();
    }

    @Test
    void shouldPublishALeadWithEveryField() {
        Body lead = ActivityMother.leadCreated(TestOrg.REP);

        LeadCreated event = (LeadCreated) roundTrip(lead);

        assertThat(event).isEqualTo(new LeadCreated("api", externalId(lead), TestOrg.REP, "c-100",
                LeadChannel.LIVESTREAM, "pl-saas", "east", "CNY27", OCCURRED_AT));
    }

    @Test
    void shouldPublishAQualifiedLeadWithEveryField() {
        Body qualified = ActivityMother.leadQualified(TestOrg.REP);

        assertThat(roundTrip(qualified)).isEqualTo(new LeadQualified("api", externalId(qualified), TestOrg.REP,
                "c-100", LeadChannel.LIVESTREAM, "pl-saas", OCCURRED_AT));
    }

    @Test
    void shouldPublishAFollowUpWithEveryField() {
        Body call = ActivityMother.followUpLogged(TestOrg.REP);

        assertThat(roundTrip(call)).isEqualTo(new FollowUpLogged("api", externalId(call), TestOrg.REP, "c-100",
                FollowUpChannel.CALL, 420, "d-1", OCCURRED_AT));
    }

    @Test
    void shouldPublishAStageChangeWithEveryField() {
        Body stage = ActivityMother.opportunityStageChanged(TestOrg.REP);

        assertThat(roundTrip(stage)).isEqualTo(new OpportunityStageChanged("api", externalId(stage), TestOrg.REP,
                "c-100", "d-1", "NEGOTIATION", new BigDecimal("88000.00"), "CNY", OPPORTUNITY_CREATED_AT, OCCURRED_AT,
                new BigDecimal("88000.00"), "CNY"));
    }

    @Test
    void shouldPublishAClosedDealWithEveryField() {
        Body deal = ActivityMother.dealClosed(TestOrg.REP);

        assertThat(roundTrip(deal)).isEqualTo(new DealClosed("api", externalId(deal), TestOrg.REP, "c-100", "d-1",
                new BigDecimal("88000.00"), "CNY", new BigDecimal("88000.00"), "CNY", new BigDecimal("36960.00"),
                "pl-saas", "east", LeadChannel.REFERRAL, "CNY27", OPPORTUNITY_CREATED_AT, LocalDate.of(2027, 2, 15),
                OCCURRED_AT));
    }

    @Test
    void shouldPublishACancellationWithEveryField() {
        Body cancelled = ActivityMother.dealCancelled(TestOrg.REP);

        assertThat(roundTrip(cancelled)).isEqualTo(new DealCancelled("api", externalId(cancelled), TestOrg.REP,
                "c-100", "d-1", "contract withdrawn", OCCURRED_AT));
    }

    @Test
    void shouldPublishAPaymentWithEveryField() {
        Body payment = ActivityMother.paymentCollected(TestOrg.REP);

        assertThat(roundTrip(payment)).isEqualTo(new PaymentCollected("api", externalId(payment), TestOrg.REP,
                "c-100", "d-1", new BigDecimal("44000.00"), "CNY", new BigDecimal("44000.00"), "CNY",
                LocalDate.of(2027, 2, 15), OCCURRED_AT));
    }

    @Test
    void shouldPublishAnEngagementSignalWithEveryField() {
        Body visit = ActivityMother.engagementSignalled(TestOrg.REP);

        assertThat(roundTrip(visit)).isEqualTo(new EngagementSignalled("api", externalId(visit), TestOrg.REP,
                "c-100", EngagementSignal.SITE_VISIT, 240, OCCURRED_AT));
    }

    @Test
    void shouldConvertAForeignAmountAtTheRateEffectiveOnTheDayAndKeepTheOriginal() {
        TestRates.ensure(new ActivityApi(http, TestTokens.shared().admin()));
        Body deal = ActivityMother.dealClosed(TestOrg.REP).with("amount", "1000.55").with("currency", "USD")
                .with("grossMargin", "400.10");

        DealClosed event = (DealClosed) roundTrip(deal);

        assertThat(event.amount()).isEqualByComparingTo("7238.48"); // 1000.55 × 7.2345 = 7238.479…, rounded half up
        assertThat(event.currency()).isEqualTo("CNY");
        assertThat(event.originalAmount()).isEqualByComparingTo("1000.55");
        assertThat(event.originalCurrency()).isEqualTo("USD");
        assertThat(event.grossMargin()).isEqualByComparingTo("2894.52"); // 400.10 × 7.2345 = 2894.523…
    }

    /** Posts the activity, then reads what reached Kafka under the id the API answered. */
    private ActivityEvent roundTrip(Body activity) {
        ActivityApi.Accepted accepted = integration.accepted(activity);

        assertThat(accepted.duplicate()).isFalse();
        assertThat(accepted.eventId()).isEqualTo(EventIds.of((String) activity.get("source"), externalId(activity),
                (String) activity.get("type")));
        EventTap.Received<ActivityEvent> received = published.awaitRecord(accepted.eventId());
        assertThat(received.key()).isEqualTo(TestOrg.REP);
        assertThat(received.headers()).containsEntry(EventHeaders.EVENT_ID, accepted.eventId().toString())
                .containsEntry(EventHeaders.EVENT_TYPE, received.envelope().eventType());
        assertThat(received.envelope().occurredAt()).isEqualTo(received.payload().occurredAt());
        return received.payload();
    }

    private static String externalId(Body activity) {
        return (String) activity.get("externalId");
    }
}
