package io.chokepoint.model.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What a goods line was recognised as, and why.
 *
 * @param itemCode      catalog code of the substance or equipment (for example {@code NPP}), null for NONE
 * @param itemName      its catalog name
 * @param catalogVersion the catalog version that classified the line
 * @param evidence      each fact that led to the classification, such as "CAS 39742-60-4 is NPP"
 * @param misdeclared   true when the CAS number or description names a controlled item under a benign HS code
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoodsClassification(
        GoodsCategory category,
        String itemCode,
        String itemName,
        String catalogVersion,
        List<String> evidence,
        boolean misdeclared) {
}
