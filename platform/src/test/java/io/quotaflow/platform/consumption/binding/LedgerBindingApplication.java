package io.quotaflow.platform.consumption.binding;

import io.quotaflow.events.Topic;
import io.quotaflow.events.activity.ActivityEvent;
import io.quotaflow.platform.consumption.DealTotals;
import io.quotaflow.platform.consumption.Ledgers;
import io.quotaflow.platform.consumption.Step;
import io.quotaflow.platform.consumption.Steps;
import org.apache.kafka.common.errors.TimeoutException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A service of one ledger consumer, bound through Spring Cloud Stream exactly as the real services bind theirs. */
@SpringBootApplication
public class LedgerBindingApplication {

    static final Topic<ActivityEvent> DEALS = new Topic<>("ledger-binding-deals", "activity-service", "repId",
            ActivityEvent.class);
    static final String GROUP = "kpi-service";

    @Bean
    Consumer<Message<List<byte[]>>> onDeal(Ledgers ledgers) {
        return ledgers.consumer(GROUP, DEALS, new DealTotals());
    }

    /** A broker outage the first time a chunk is claimed and the first time its writes are half done. */
    @Bean
    Steps outages() {
        Set<Step> failed = ConcurrentHashMap.newKeySet();
        return (consumer, topicPartition, step) -> {
            if ((step == Step.JOURNAL_WRITTEN || step == Step.WRITES_PARTIAL) && failed.add(step)) {
                throw new TimeoutException("simulated outage after " + step);
            }
        };
    }
}
