package io.quotaflow.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a service under test at the shared infrastructure and at the test token issuer. */
abstract class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    abstract Infrastructure infrastructure();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infrastructure = infrastructure();
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri=" + infrastructure.mongoConnectionString(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.shared().jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                "quotaflow.security.audience=" + TestTokens.AUDIENCE,
                "quotaflow.outbox.relay-interval=500ms",
                "quotaflow.clock.fixed=" + TestClock.NOW,
                "spring.cloud.stream.kafka.binder.replication-factor=1"
        ).applyTo(context);
    }

    static final class Embedded extends InfrastructureInitializer {
        @Override
        Infrastructure infrastructure() {
            return EmbeddedInfrastructure.shared();
        }
    }

    static final class Containers extends InfrastructureInitializer {
        @Override
        Infrastructure infrastructure() {
            return ContainerInfrastructure.shared();
        }
    }
}
