package io.chokepoint.model.assessment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/** A declared goods line and what shipment-monitor recognised it as. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessedGoodsLine(
        int line,
        String description,
        String hsCode,
        String casNumber,
        BigDecimal quantity,
        String unit,
        GoodsClassification classification) {

    @JsonIgnore
    public boolean isControlled() {
        return classification != null && classification.category().isControlled();
    }
}
