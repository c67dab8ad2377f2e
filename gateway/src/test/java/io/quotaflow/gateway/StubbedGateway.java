package io.quotaflow.gateway;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway on a random port in front of the shared {@link StubServices}, with its own key, dev tokens on, and
 * time limits and breakers small enough to watch in a test. Every test class so annotated shares one application
 * context (add properties only where a class needs its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = StubbedGateway.Settings.class)
@interface StubbedGateway {

    String ISSUER = "http://gateway.test";
    /** Every downstream call's time limit here. */
    String TIME_LIMIT = "2s";
    /** How long a breaker stays open here before it lets a probe through. */
    String OPEN_FOR = "2s";
    /** The only origin allowed to call the API cross-origin here. */
    String ALLOWED_ORIGIN = "http://dashboard.example";

    class Settings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            StubServices services = StubServices.shared();
            List<String> properties = new ArrayList<>(List.of(
                    "quotaflow.gateway.tokens.signing-key-location=file:" + TestKeys.writeSigningKey(),
                    "quotaflow.gateway.tokens.dev-tokens.enabled=true",
                    "quotaflow.gateway.tokens.issuer=" + ISSUER,
                    "QUOTAFLOW_TIME_LIMIT=" + TIME_LIMIT,
                    "QUOTAFLOW_ACTIVITY_TIME_LIMIT=" + TIME_LIMIT,
                    "QUOTAFLOW_BREAKER_WINDOW=4",
                    "QUOTAFLOW_BREAKER_MINIMUM_CALLS=4",
                    "QUOTAFLOW_BREAKER_OPEN_FOR=" + OPEN_FOR,
                    "QUOTAFLOW_CORS_ALLOWED_ORIGINS=" + ALLOWED_ORIGIN,
                    "QUOTAFLOW_DASHBOARD_REFRESH=1s"));
            StubServices.NAMES.forEach(name ->
                    properties.add(name.toUpperCase().replace('-', '_') + "_URL=" + services.url(name)));
            TestPropertyValues.of(properties).applyTo(context);
        }
    }
}
