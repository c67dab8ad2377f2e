package io.quotaflow.incentive.inquiry;

import io.quotaflow.incentive.award.StatementLine;
import io.quotaflow.incentive.publication.DocumentOutbox;
import io.quotaflow.platform.messaging.EventPublisher;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Publishes the award (or clawback) an accepted inquiry made, through the platform's outbox relay. */
@Component
class InquiryPublication extends DocumentOutbox {

    InquiryPublication(MongoTemplate mongo, EventPublisher publisher) {
        super("inquiry-adjustments", Inquiries.COLLECTION, mongo, inquiry -> List.of(
                StatementLine.from(inquiry.get("adjustment", Document.class)).event(publisher)));
    }
}
