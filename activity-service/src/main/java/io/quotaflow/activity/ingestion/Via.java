package io.quotaflow.activity.ingestion;

import java.util.Locale;

/** How an activity reached the service: the {@code via} tag of the ingestion meters. */
public enum Via {
    API, BATCH, CSV, HUBSPOT, SALESFORCE, WEBHOOK, KAFKA;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
