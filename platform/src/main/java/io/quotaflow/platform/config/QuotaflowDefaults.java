package io.quotaflow.platform.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Adds {@code quotaflow-defaults.yml} (Kafka, MongoDB, security, actuator and logging settings shared by
 * every service) with the lowest precedence, so each service states only what is its own.
 *
 * <p>{@code QUOTAFLOW_JSON_LOGS=true} switches console logs to structured JSON (ECS).
 */
public class QuotaflowDefaults implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "quotaflow-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load("quotaflow-defaults", new ClassPathResource(DEFAULTS, QuotaflowDefaults.class.getClassLoader()));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
        if (environment.getProperty("quotaflow.logging.json", Boolean.class,
                Boolean.parseBoolean(System.getenv().getOrDefault("QUOTAFLOW_JSON_LOGS", "false")))) {
            environment.getPropertySources().addFirst(new MapPropertySource("quotaflow-json-logs",
                    Map.of("logging.structured.format.console", "ecs")));
        }
    }

    @Override
    public int getOrder() {
        // After the config data (application.yml) has been loaded, so addLast really is last.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
