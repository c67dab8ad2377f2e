package io.quotaflow.platform.config;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonConfigurationTest {

    private final JsonMapper mapper = quotaflowMapper();

    @Test
    void shouldRefuseAFractionForAWholeNumber() {
        assertThatThrownBy(() -> mapper.readValue("{\"priority\":2.5}", Ranked.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void shouldReadWholeNumbersAndDecimalsAsSent() {
        Ranked ranked = mapper.readValue("{\"priority\":3,\"share\":0.25}", Ranked.class);

        assertThat(ranked).isEqualTo(new Ranked(3, new BigDecimal("0.25")));
    }

    @Test
    void shouldWriteDecimalsAsStrings() {
        assertThat(mapper.writeValueAsString(new Ranked(3, new BigDecimal("0.25"))))
                .isEqualTo("{\"priority\":3,\"share\":\"0.25\"}");
    }

    private static JsonMapper quotaflowMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new JsonConfiguration().quotaflowWireConventions().customize(builder);
        return builder.build();
    }

    record Ranked(Integer priority, BigDecimal share) {
    }
}
