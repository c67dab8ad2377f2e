package io.quotaflow.target.org;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;

/**
 * A product line. Under the MARGIN_PRIORITY allocation its share of a target grows with
 * {@code grossMargin × strategicPriority}.
 *
 * @param grossMargin       the line's gross margin ratio, 0..1
 * @param strategicPriority 1 (lowest) to 5 (highest)
 */
@Document("product_lines")
public record ProductLine(String id, String name, @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal grossMargin,
                          int strategicPriority) {
}
