package io.quotaflow.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdTest {

    @Test
    void shouldKeepASaneIdOfTheCaller() {
        assertThat(CorrelationId.acceptOrCreate("crm-sync:42.a_b")).isEqualTo("crm-sync:42.a_b");
    }

    @Test
    void shouldReplaceAnIdThatCouldForgeLogLinesOrIsTooLong() {
        assertThat(CorrelationId.acceptOrCreate("x\r\nERROR forged")).isNotEqualTo("x\r\nERROR forged")
                .matches(CorrelationId::isAcceptable);
        assertThat(CorrelationId.acceptOrCreate("a".repeat(129))).hasSize(36);
        assertThat(CorrelationId.acceptOrCreate(null)).matches(CorrelationId::isAcceptable);
    }
}
