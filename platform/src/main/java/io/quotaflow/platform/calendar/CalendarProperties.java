package io.quotaflow.platform.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The organisation's official working-day calendar ({@code quotaflow.calendar.*}).
 *
 * @param country   whose published schedules apply (default {@code CN}; files {@code <country>-<year>.json})
 * @param directory where later years' files are dropped without a code change ({@code QUOTAFLOW_CALENDAR_DIR})
 */
@ConfigurationProperties("quotaflow.calendar")
public record CalendarProperties(String country, Path directory) {

    public CalendarProperties {
        country = country == null || country.isBlank() ? "CN" : country;
    }
}
