package io.quotaflow.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    @Test
    void shouldGiveTheSameIdForTheSameSourceRecord() {
        assertThat(EventIds.of("hubspot", "deal-42", "DEAL_CLOSED"))
                .isEqualTo(EventIds.of("hubspot", "deal-42", "DEAL_CLOSED"));
    }

    @Test
    void shouldGiveDifferentIdsForDifferentRecords() {
        assertThat(EventIds.of("hubspot", "deal-42", "DEAL_CLOSED"))
                .isNotEqualTo(EventIds.of("hubspot", "deal-42", "DEAL_CANCELLED"))
                .isNotEqualTo(EventIds.of("salesforce", "deal-42", "DEAL_CLOSED"));
        assertThat(EventIds.of("a", "bc")).isNotEqualTo(EventIds.of("ab", "c"));
    }

    @Test
    void shouldBeAVersion5Uuid() {
        assertThat(EventIds.of("x").version()).isEqualTo(5);
        assertThat(EventIds.of("x").variant()).isEqualTo(2);
    }
}
