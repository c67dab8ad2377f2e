package io.quotaflow.platform.config;

import io.quotaflow.events.EventCodec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** The HTTP API speaks the same JSON as the events: decimal strings for money, ISO-8601 instants. */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer quotaflowWireConventions() {
        return EventCodec::wireConventions;
    }
}
