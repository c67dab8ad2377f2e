package io.quotaflow.platform.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProducerDurabilityTest {

    @Test
    void shouldAcceptAnAcknowledgedIdempotentProducer() {
        assertThatCode(() -> ProducerDurability.check(Map.of("acks", "all", "enable.idempotence", true)))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProducerDurability.check(Map.of("acks", "-1", "enable.idempotence", "true")))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseAProducerAcknowledgedByTheLeaderAlone() {
        assertThatThrownBy(() -> ProducerDurability.check(Map.of("acks", "1", "enable.idempotence", true)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("acks=all");
    }

    @Test
    void shouldRefuseAProducerThatMayWriteARetryTwice() {
        assertThatThrownBy(() -> ProducerDurability.check(Map.of("acks", "all")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("idempotent");
        assertThatThrownBy(() -> ProducerDurability.check(Map.of("acks", "all", "enable.idempotence", false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("idempotent");
    }

    @Test
    void shouldCreateOwnedTopicsThatSurviveTheLossOfOneBrokerWhenReplicated() {
        List<NewTopic> replicated = MessagingConfiguration.topicsOwnedBy("activity-service", 12, (short) 3, 0);
        List<NewTopic> single = MessagingConfiguration.topicsOwnedBy("activity-service", 6, (short) 1, 0);

        NewTopic activities = replicated.get(0);
        assertThat(activities.name()).isEqualTo("sales-activities");
        assertThat(activities.numPartitions()).isEqualTo(12);
        assertThat(activities.replicationFactor()).isEqualTo((short) 3);
        assertThat(activities.configs()).containsEntry("min.insync.replicas", "2");
        assertThat(single.get(0).configs()).containsEntry("min.insync.replicas", "1");
    }

    @Test
    void shouldCompactTheSalesOrgAndKeepEveryOtherTopicsHistory() {
        List<NewTopic> targetService = MessagingConfiguration.topicsOwnedBy("target-service", 6, (short) 1, 0);

        assertThat(targetService).extracting(NewTopic::name).containsExactlyInAnyOrder("targets", "sales-org");
        assertThat(targetService).filteredOn(topic -> topic.name().equals("sales-org")).singleElement()
                .satisfies(topic -> assertThat(topic.configs()).containsEntry("cleanup.policy", "compact"));
        assertThat(targetService).filteredOn(topic -> topic.name().equals("targets")).singleElement()
                .satisfies(topic -> assertThat(topic.configs()).doesNotContainKey("cleanup.policy"));
    }

    @Test
    void shouldNeverAskForMoreInSyncReplicasThanThereAre() {
        assertThat(MessagingConfiguration.minInsyncReplicas((short) 5, 0)).isEqualTo(2);
        assertThat(MessagingConfiguration.minInsyncReplicas((short) 5, 3)).isEqualTo(3);
        assertThat(MessagingConfiguration.minInsyncReplicas((short) 2, 3)).isEqualTo(2);
    }
}
