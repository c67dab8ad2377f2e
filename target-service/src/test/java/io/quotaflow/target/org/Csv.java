package io.quotaflow.target.org;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** A CSV file under construction: a header, then rows; {@code null} cells are left blank. */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    private Csv() {
    }

    static Csv withHeader(String... columns) {
        return new Csv().row((Object[]) columns);
    }

    Csv row(Object... cells) {
        text.append(Arrays.stream(cells).map(cell -> Objects.toString(cell, "")).collect(Collectors.joining(",")))
                .append("\r\n");
        return this;
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    int size() {
        return text.length();
    }
}
