package io.quotaflow.reliability;

import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** One canonical activity the test sends: a won deal, its cancellation, or a call. */
record Activity(String externalId, String type, String repId, Instant occurredAt, BigDecimal amount, String dealId,
                String customerId) {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String SOURCE = "reliability";

    static Activity deal(String externalId, String repId, Instant at, BigDecimal amount) {
        return new Activity(externalId, "DEAL_CLOSED", repId, at, amount, "d-" + externalId, "c-" + externalId);
    }

    static Activity cancellation(Activity deal, Instant at) {
        return new Activity(deal.externalId() + "-x", "DEAL_CANCELLED", deal.repId(), at, null, deal.dealId(),
                deal.customerId());
    }

    static Activity call(String externalId, String repId, Instant at) {
        return new Activity(externalId, "FOLLOW_UP_LOGGED", repId, at, null, null, null);
    }

    YearMonth period() {
        return YearMonth.from(occurredAt.atZone(ZONE));
    }

    ObjectNode toJson() {
        ObjectNode json = Api.JSON.createObjectNode();
        json.put("source", SOURCE);
        json.put("externalId", externalId);
        json.put("type", type);
        json.put("repId", repId);
        json.put("occurredAt", occurredAt.toString());
        if (type.equals("DEAL_CLOSED")) {
            json.put("amount", amount.toPlainString());
            json.put("currency", "CNY");
            json.put("customerId", customerId);
            json.put("dealId", dealId);
        } else if (type.equals("DEAL_CANCELLED")) {
            json.put("dealId", dealId);
            json.put("customerId", customerId);
        } else {
            json.put("channel", "CALL");
        }
        return json;
    }
}
