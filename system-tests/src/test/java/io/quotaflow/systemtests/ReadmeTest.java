package io.quotaflow.systemtests;

import io.quotaflow.events.Topic;
import io.quotaflow.events.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the README's event-flow table true to the topic registry. */
class ReadmeTest {

    private static final Path ROOT = Path.of(System.getProperty("quotaflow.project-dir", "..")).toAbsolutePath();

    @Test
    void shouldListEveryTopicWithItsProducerKeyAndEventTypes() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));

        for (Topic<?> topic : Topics.all()) {
            String row = Arrays.stream(readme.split("\n"))
                    .filter(line -> line.startsWith("| `" + topic.name() + "` |"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("README has no row for topic " + topic.name()));
            assertThat(row).as(topic.name()).contains("| " + topic.producer() + " |");
            topic.eventTypes().forEach(type ->
                    assertThat(row).as(topic.name()).contains("`" + type.getSimpleName() + "`"));
        }
    }

    @Test
    void shouldNameTheTwoCommands() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String ci = Files.readString(ROOT.resolve(".ci/run"));

        assertThat(readme).contains("```bash\n./run.sh\n```").contains("```bash\n./mvnw verify\n```");
        assertThat(ci).contains("./mvnw -B verify");
    }
}
