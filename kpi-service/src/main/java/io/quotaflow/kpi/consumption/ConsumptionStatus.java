package io.quotaflow.kpi.consumption;

import io.quotaflow.events.Topics;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How far kpi-service's figures are behind its topics, durably: per topic-partition the end offset (Kafka) against
 * the last offset whose effects the ledger has stored (its checkpoint in MongoDB). Lag 0 everywhere means every
 * event produced so far is in the figures and survives a restart — what a replay benchmark waits for.
 */
@Service
public class ConsumptionStatus {

    /** The platform ledger's checkpoints: {@code {_id: "<group>|<topic>-<partition>", applied}}. */
    static final String CHECKPOINTS = "ledger_checkpoints";
    static final List<String> TOPICS = List.of(Topics.SALES_ACTIVITIES.name(), Topics.TARGETS.name(),
            Topics.KPI_CUSTOMER_DEALS.name(), Topics.SALES_ORG.name());

    private final KafkaAdmin kafkaAdmin;
    private final MongoTemplate mongo;
    private final ConsumptionGate gate;
    private final String group;
    private final Clock wallClock = Clock.systemUTC();
    private AdminClient admin;

    public ConsumptionStatus(KafkaAdmin kafkaAdmin, MongoTemplate mongo, ConsumptionGate gate,
                             @Value("${spring.application.name}") String group) {
        this.kafkaAdmin = kafkaAdmin;
        this.mongo = mongo;
        this.gate = gate;
        this.group = group;
    }

    public record PartitionLag(int partition, long end, long applied, long lag, Long appliedByThisProcess) {
    }

    public record TopicLag(String topic, long lag, List<PartitionLag> partitions) {
    }

    public record Status(String group, Instant asOf, boolean caughtUp, long lag, List<TopicLag> topics) {
    }

    public Status now() throws Exception {
        AdminClient client = admin();
        Map<String, Long> checkpoints = new HashMap<>();
        List<String> ids = new ArrayList<>();
        Map<String, List<TopicPartition>> partitions = new HashMap<>();
        var descriptions = client.describeTopics(TOPICS).topicNameValues();
        for (String topic : TOPICS) {
            List<TopicPartition> of;
            try {
                of = descriptions.get(topic).get(15, TimeUnit.SECONDS).partitions().stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
            } catch (ExecutionException missing) {
                if (!(missing.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw missing;
                }
                of = List.of(); // nothing was ever published there: nothing to be behind on
            }
            partitions.put(topic, of);
            of.forEach(tp -> ids.add(group + "|" + tp.topic() + "-" + tp.partition()));
        }
        for (Document checkpoint : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, CHECKPOINTS)) {
            checkpoints.put(checkpoint.getString("_id"), ((Number) checkpoint.get("applied")).longValue());
        }
        Map<TopicPartition, OffsetSpec> latest = partitions.values().stream().flatMap(List::stream)
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
                : client.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
        Map<String, Long> thisProcess = gate.applied();
        List<TopicLag> topics = new ArrayList<>();
        long total = 0;
        for (String topic : TOPICS) {
            List<PartitionLag> rows = new ArrayList<>();
            long topicLag = 0;
            for (TopicPartition tp : partitions.get(topic)) {
                long end = ends.get(tp).offset();
                long applied = checkpoints.getOrDefault(group + "|" + tp.topic() + "-" + tp.partition(), -1L);
                long lag = Math.max(0, end - (applied + 1));
                topicLag += lag;
                rows.add(new PartitionLag(tp.partition(), end, applied, lag,
                        thisProcess.get(tp.topic() + "-" + tp.partition())));
            }
            total += topicLag;
            topics.add(new TopicLag(topic, topicLag, rows));
        }
        return new Status(group, wallClock.instant(), total == 0, total, topics);
    }

    private synchronized AdminClient admin() {
        if (admin == null) {
            admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
