package io.quotaflow.activity.raw;

import io.quotaflow.activity.ingestion.Ingestion;
import io.quotaflow.activity.ingestion.Outcome;
import io.quotaflow.activity.ingestion.RawActivity;
import io.quotaflow.activity.ingestion.Via;
import io.quotaflow.activity.ingestion.web.Bodies;
import io.quotaflow.activity.ingestion.web.IngestionResponses;
import io.quotaflow.events.Topics;
import io.quotaflow.platform.consumption.DeadLetters;
import io.quotaflow.platform.consumption.RawRecord;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Kafka-direct ingestion: canonical activities that CRM pipelines (Kafka Connect, Debezium) write as bare JSON to
 * {@code sales-activities-raw}. A poll is ingested like one batch request (one receipt insert, one publish); every
 * record that cannot be ingested — not JSON, invalid, an unknown rep, a currency without a rate — goes unchanged to
 * {@code sales-activities-raw.activity-service.dlq} with the reason in its headers, and the consumer goes on. An
 * outage (Kafka, MongoDB) fails the poll, which the container hands back until it passes.
 */
@Component
class RawActivities {

    private static final Logger log = LoggerFactory.getLogger(RawActivities.class);
    private static final int MAX_RECORD_BYTES = 1_000_000;

    private final Ingestion ingestion;
    private final DeadLetters deadLetters;
    private final String group;

    RawActivities(Ingestion ingestion, DeadLetters deadLetters, @Value("${spring.application.name}") String group) {
        this.ingestion = ingestion;
        this.deadLetters = deadLetters;
        this.group = group;
    }

    void process(List<RawRecord> records) {
        long received = System.nanoTime();
        List<RawRecord> readable = new ArrayList<>(records.size());
        List<RawActivity> activities = new ArrayList<>(records.size());
        List<RawRecord> unreadable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (RawRecord record : records) {
            try {
                byte[] value = record.value() == null ? new byte[0] : record.value();
                if (value.length > MAX_RECORD_BYTES) {
                    throw new InvalidInputException("body", "is larger than " + MAX_RECORD_BYTES + " bytes");
                }
                activities.add(RawActivity.fromJson(Bodies.json(value)));
                readable.add(record);
            } catch (InvalidInputException e) {
                unreadable.add(record);
                reasons.add("unreadable: " + describe(e.problems()));
            }
        }
        Ingestion.Prepared prepared = ingestion.prepare(activities, Via.KAFKA);
        ingestion.commit(prepared, received);
        for (int i = 0; i < unreadable.size(); i++) {
            deadLetter(unreadable.get(i), reasons.get(i));
        }
        for (Map.Entry<Integer, Outcome> rejected : prepared.rejections().entrySet()) {
            Outcome outcome = rejected.getValue();
            deadLetter(readable.get(rejected.getKey()), (outcome.status() == Outcome.NO_RATE ? "no rate" : "invalid")
                    + " (" + outcome.status() + "): " + describe(IngestionResponses.named("", outcome.problems())));
        }
    }

    private void deadLetter(RawRecord record, String reason) {
        log.info("{} record {}:{} cannot be ingested ({}); sending it to the dead-letter topic",
                Topics.SALES_ACTIVITIES_RAW.name(), record.partition(), record.offset(), reason);
        deadLetters.send(group, record, reason);
    }

    private static String describe(List<FieldProblem> problems) {
        return problems.stream().map(problem -> problem.field() + " " + problem.message())
                .collect(Collectors.joining("; "));
    }
}
