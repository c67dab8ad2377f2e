package io.quotaflow.platform;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quotaflow.events.EventCodec;
import io.quotaflow.platform.config.PlatformConfiguration;
import io.quotaflow.platform.messaging.EventPublisher;
import io.quotaflow.platform.messaging.Leases;
import io.quotaflow.platform.messaging.MessagingConfiguration;
import io.quotaflow.platform.messaging.OutboxRelay;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that needs another behaviour replaces a platform bean by defining its own, instead of copying it. */
class PlatformBeansTest {

    private static final String AUTO_CONFIGURATIONS =
            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(context -> context.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()))
            .withConfiguration(AutoConfigurations.of(PlatformConfiguration.class, MessagingConfiguration.class))
            .withUserConfiguration(Infrastructure.class)
            .withPropertyValues("spring.application.name=activity-service");

    @Test
    void shouldProvideThePlatformsBeansWhenTheServiceDefinesNone() {
        service.run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(EventCodec.class).hasSingleBean(EventPublisher.class)
                .hasSingleBean(Leases.class)
                .hasSingleBean(OutboxRelay.class).hasBean("outboxRelaySchedule").hasBean("ownedTopics"));
    }

    @Test
    void shouldUseTheServicesOwnBeanInsteadOfThePlatforms() {
        service.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeanNamesForType(OutboxRelay.class)).containsExactly("relayWithoutOutboxes");
            assertThat(context.getBeanNamesForType(Clock.class)).containsExactly("businessClock");
            assertThat(context.getBean(Clock.class).instant()).isEqualTo(OwnBeans.NOW);
            assertThat(context).hasSingleBean(EventPublisher.class).hasSingleBean(Leases.class);
        });
    }

    @Test
    void shouldLetTheServiceReplaceEveryPlatformBean() throws IOException {
        String imports = new ClassPathResource(AUTO_CONFIGURATIONS).getContentAsString(StandardCharsets.UTF_8);
        List<Class<?>> configurations = imports.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .<Class<?>>map(PlatformBeansTest::load)
                .toList();

        assertThat(configurations).isNotEmpty();
        List<String> irreplaceable = configurations.stream()
                .flatMap(configuration -> Arrays.stream(configuration.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(Bean.class))
                .filter(method -> !method.isAnnotationPresent(ConditionalOnMissingBean.class))
                .map(method -> method.getDeclaringClass().getSimpleName() + "." + method.getName())
                .toList();
        assertThat(irreplaceable).as("@Bean methods without @ConditionalOnMissingBean").isEmpty();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " is listed in " + AUTO_CONFIGURATIONS + " but does not exist", e);
        }
    }

    /** What Boot's own auto-configuration would give a service; connects nowhere until used. */
    @Configuration(proxyBeanMethods = false)
    static class Infrastructure {

        @Bean
        MongoClient mongoClient() {
            return MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:1"))
                    .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(100, TimeUnit.MILLISECONDS))
                    .build());
        }

        @Bean
        MongoTemplate mongoTemplate(MongoClient client) {
            return new MongoTemplate(client, "platform-beans-test");
        }

        @Bean
        KafkaTemplate<String, byte[]> kafkaTemplate() {
            return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1", ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new ByteArraySerializer()));
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    /** A service with its own business clock, and a relay of its own (here one that drains nothing). */
    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {

        static final Instant NOW = Instant.parse("2027-01-20T02:00:00Z");

        @Bean
        Clock businessClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        OutboxRelay relayWithoutOutboxes(EventPublisher publisher, Leases leases, MeterRegistry meters) {
            return new OutboxRelay(List.of(), publisher, leases, Duration.ofMinutes(1), meters);
        }
    }
}
