package io.quotaflow.kpi.alerts;

import io.quotaflow.kpi.KpiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/** Evaluates alerts every {@code quotaflow.kpi.alerts.interval} (default 1 minute). */
@Configuration(proxyBeanMethods = false)
class AlertSchedule {

    @Bean
    SchedulingConfigurer alertEvaluation(AlertEvaluator evaluator, KpiProperties properties) {
        return registrar -> registrar.addFixedDelayTask(evaluator::evaluateQuietly, properties.alerts().every());
    }
}
