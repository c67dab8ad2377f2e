package io.quotaflow.testsupport;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Like {@link ServiceIT}, but against the production images in Docker (Testcontainers). Skipped, with the
 * reason in the report, where no Docker engine exists; the same scenario then still runs embedded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EnabledIf(value = "io.quotaflow.testsupport.ContainerInfrastructure#dockerAvailable",
        disabledReason = "no Docker engine here: this scenario runs against the embedded Kafka and MongoDB "
                + "in its @ServiceIT twin instead")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = InfrastructureInitializer.Containers.class, inheritInitializers = false)
public @interface ServiceContainersIT {
}
