package io.quotaflow.platform.calendar;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The organisation's {@link OfficialCalendar}, for every service that reckons in working days. */
@AutoConfiguration
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OfficialCalendar officialCalendar(CalendarProperties properties) {
        OfficialCalendar calendar = OfficialCalendar.load(properties.country(), properties.directory());
        LoggerFactory.getLogger(CalendarConfiguration.class).info("Official {} calendar: published schedules of {}",
                calendar.country(), calendar.years().stream().map(OfficialCalendar.Year::year).toList());
        return calendar;
    }
}
