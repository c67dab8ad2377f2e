package io.quotaflow.target.org;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quotaflow.target.decomposition.MarketType;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;

/**
 * A sales region or segment. Emerging markets usually carry a higher {@code growthRate} and so, under the
 * GROWTH allocation, a larger share of growth.
 *
 * @param growthRate the expected growth over last period's actuals, e.g. {@code 0.05} for 5 %
 */
@Document("regions")
public record Region(String id, String name, MarketType marketType,
                     @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal growthRate) {
}
