package io.quotaflow.platform.config;

import com.mongodb.MongoClientSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MongoConfigurationTest {

    @Test
    void shouldWaitForAServerOnlyAsLongAsConfiguredNotTheDriversThirtySeconds() {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();

        MongoConfiguration.serverSelectionTimeout(Duration.ofSeconds(5)).customize(builder);

        assertThat(builder.build().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(5000);
    }
}
