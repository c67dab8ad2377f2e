package io.quotaflow.gateway;

import io.quotaflow.web.LauncherWatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        // Started by ./run.sh's launcher: end with it, even when it is killed (see LauncherWatch).
        LauncherWatch.start();
        SpringApplication.run(GatewayApplication.class, args);
    }
}
