package io.quotaflow.incentive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IncentiveServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncentiveServiceApplication.class, args);
    }
}
