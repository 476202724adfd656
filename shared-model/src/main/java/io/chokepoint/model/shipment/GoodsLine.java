package io.chokepoint.model.shipment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/** One line of goods as declared. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoodsLine(
        Integer line,
        String description,
        String hsCode,
        String casNumber,
        BigDecimal quantity,
        String unit,
        Money value) {
}
