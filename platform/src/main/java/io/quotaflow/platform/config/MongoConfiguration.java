package io.quotaflow.platform.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.time.YearMonth;
import java.util.List;

/**
 * How Quotaflow values are stored: money as Decimal128 (exact, and summable by the database), periods
 * as {@code "2026-12"} strings, dates and instants with the driver's own codecs (UTC, whatever the
 * server's time zone).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class MongoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoCustomConversions mongoCustomConversions() {
        return conversions();
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
