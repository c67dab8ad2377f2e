package io.quotaflow.events;

import io.quotaflow.events.activity.ActivityType;
import io.quotaflow.events.activity.DealClosed;
import io.quotaflow.events.target.TargetAssigned;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    private static final Pattern KEBAB = Pattern.compile("[a-z]+(-[a-z]+)*");

    @Test
    void shouldNameTopicsAsKebabCaseNouns() {
        assertThat(Topics.all()).allSatisfy(topic -> assertThat(topic.name()).matches(KEBAB));
    }

    @Test
    void shouldRegisterEachTopicOnceWithItsSingleWriter() {
        assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates();
        assertThat(Topics.all()).allSatisfy(topic -> assertThat(topic.producer().endsWith("-service")
                || topic.external()).as(topic.name()).isTrue());
    }

    @Test
    void shouldMarkTheRawActivityTopicAsWrittenFromOutside() {
        assertThat(Topics.SALES_ACTIVITIES_RAW.external()).isTrue();
        assertThat(Topics.all()).filteredOn(Topic::external).containsExactly(Topics.SALES_ACTIVITIES_RAW);
        assertThat(Topics.SALES_ACTIVITIES_RAW.deadLetterTopic("activity-service"))
                .isEqualTo("sales-activities-raw.activity-service.dlq");
    }

    @Test
    void shouldKeepTheSalesOrgAsStateOnACompactedTopic() {
        assertThat(Topics.SALES_ORG.compacted()).isTrue();
        assertThat(Topics.all()).filteredOn(Topic::compacted).containsExactly(Topics.SALES_ORG);
    }

    @Test
    void shouldFindTheTopicOfAnEvent() {
        assertThat(Topics.of(DealClosed.class)).isEqualTo(Topics.SALES_ACTIVITIES);
        assertThat(Topics.of(TargetAssigned.class)).isEqualTo(Topics.TARGETS);
        assertThat(Topics.byName("kpi-changes")).contains(Topics.KPI_CHANGES);
    }

    @Test
    void shouldNameEventsInThePastTenseWithoutSuffix() {
        assertThat(EventTypes.all().keySet())
                .allSatisfy(name -> assertThat(name).doesNotEndWith("Event"))
                .contains("TargetAssigned", "TargetRevised", "LeadCreated", "LeadQualified", "FollowUpLogged",
                        "OpportunityStageChanged", "DealClosed", "DealCancelled", "PaymentCollected",
                        "EngagementSignalled", "AttainmentChanged", "KpiAnomalyDetected", "CustomerTierChanged",
                        "IncentiveAwarded", "IncentiveClawedBack", "PeriodClosed", "RegionChanged", "ProductLineChanged",
                        "TeamChanged", "RepChanged", "ActivityReported");
    }

    @Test
    void shouldMapEveryActivityTypeToItsOwnEvent() {
        assertThat(Arrays.stream(ActivityType.values()).map(ActivityType::eventClass))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Topics.SALES_ACTIVITIES.eventTypes());
    }

    @Test
    void shouldNameDeadLetterTopicsPerConsumerGroup() {
        assertThat(Topics.SALES_ACTIVITIES.deadLetterTopic("kpi-service"))
                .isEqualTo("sales-activities.kpi-service.dlq");
    }
}
