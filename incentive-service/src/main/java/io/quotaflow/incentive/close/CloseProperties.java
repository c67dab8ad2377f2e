package io.quotaflow.incentive.close;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Period close settings ({@code quotaflow.incentive.close.*}).
 *
 * @param grace         how long after a period ends its events may still arrive; a close is refused before
 * @param settleTimeout how long a close waits for events already delivered to be applied before it answers 409
 */
@ConfigurationProperties("quotaflow.incentive.close")
public record CloseProperties(Duration grace, Duration settleTimeout) {

    public CloseProperties {
        grace = grace == null ? Duration.ofHours(24) : grace;
        settleTimeout = settleTimeout == null ? Duration.ofSeconds(15) : settleTimeout;
    }
}
