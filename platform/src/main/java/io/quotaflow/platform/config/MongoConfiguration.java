package io.quotaflow.platform.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How Quotaflow values are stored: money as Decimal128 (exact, and summable by the database), periods
 * as {@code "2026-12"} strings, dates and instants with the driver's own codecs (UTC, whatever the
 * server's time zone). And how long an operation waits for a server to talk to: {@code
 * quotaflow.mongodb.server-selection-timeout} (5 s) instead of the driver's 30 s, so that while MongoDB is down a
 * request fails in time for its own answer (503 with {@code Retry-After}) rather than outlasting the gateway's time
 * limit; consumers retry an outage until it passes either way.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class MongoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoCustomConversions mongoCustomConversions() {
        return conversions();
    }

    @Bean
    @ConditionalOnMissingBean(name = "quotaflowServerSelectionTimeout")
    MongoClientSettingsBuilderCustomizer quotaflowServerSelectionTimeout(
            @Value("${quotaflow.mongodb.server-selection-timeout:5s}") Duration timeout) {
        return serverSelectionTimeout(timeout);
    }

    static MongoClientSettingsBuilderCustomizer serverSelectionTimeout(Duration timeout) {
        return settings -> settings.applyToClusterSettings(
                cluster -> cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The conversions, for code that builds a {@code MongoTemplate} by hand (tests, tools). */
    public static MongoCustomConversions conversions() {
        return MongoCustomConversions.create(adapter -> adapter
                .bigDecimal(MongoCustomConversions.BigDecimalRepresentation.DECIMAL128)
                .useNativeDriverJavaTimeCodecs()
                .registerConverters(List.of(new YearMonthToString(), new StringToYearMonth())));
    }

    @WritingConverter
    static final class YearMonthToString implements Converter<YearMonth, String> {
        @Override
        public String convert(YearMonth period) {
            return period.toString();
        }
    }

    @ReadingConverter
    static final class StringToYearMonth implements Converter<String, YearMonth> {
        @Override
        public YearMonth convert(String period) {
            return YearMonth.parse(period);
        }
    }
}
