package io.quotaflow.platform.config;

import io.quotaflow.events.EventCodec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.DeserializationFeature;

/**
 * The HTTP API speaks the same JSON as the events: decimal strings for money, ISO-8601 instants. A fraction
 * sent for a whole number is refused rather than silently cut ({@code 2.5} for a priority is a 400, not 2).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class JsonConfiguration {

    /** Replaced by a bean of the same name (customizers add up, so another customizer does not replace it). */
    @Bean
    @ConditionalOnMissingBean(name = "quotaflowWireConventions")
    JsonMapperBuilderCustomizer quotaflowWireConventions() {
        return builder -> EventCodec.wireConventions(builder).disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
