package io.chokepoint.monitor.risk;

import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.model.assessment.GoodsClassification;
import io.chokepoint.model.assessment.RiskIndicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Quantities of catalog items above their configured thresholds. The lines of one item are added up (in units
 * convertible to the threshold's), so that a consignment split over several lines is judged whole. A line whose
 * unit cannot be converted is left out of the sum, and the explanation says so.
 */
final class QuantityRisk {

    private final Map<String, Threshold> thresholds;
    private final double weight;

    QuantityRisk(Map<String, Threshold> thresholds, double weight) {
        this.thresholds = Map.copyOf(thresholds);
        this.weight = weight;
    }

    Optional<RiskIndicator> of(List<AssessedGoodsLine> goods) {
        Map<String, List<AssessedGoodsLine>> byItem = new LinkedHashMap<>();
        goods.stream().filter(QuantityRisk::isCatalogItem)
                .forEach(line -> byItem.computeIfAbsent(line.classification().itemCode(), k -> new ArrayList<>()).add(line));
        List<String> reasons = new ArrayList<>();
        byItem.forEach((item, lines) -> thresholdFor(lines.get(0).classification())
                .flatMap(threshold -> excess(item, lines, threshold))
                .ifPresent(reasons::add));
        return RouteRisk.indicator(IndicatorCode.QUANTITY_ABOVE_THRESHOLD, reasons, weight);
    }

    private Optional<Threshold> thresholdFor(GoodsClassification classification) {
        return Optional.ofNullable(thresholds.get(classification.itemCode()))
                .or(() -> Optional.ofNullable(thresholds.get(classification.category().name())));
    }

    private static Optional<String> excess(String item, List<AssessedGoodsLine> lines, Threshold threshold) {
        BigDecimal total = BigDecimal.ZERO;
        List<Integer> counted = new ArrayList<>();
        List<Integer> notConvertible = new ArrayList<>();
        for (AssessedGoodsLine line : lines) {
            if (line.quantity() == null) {
                continue;
            }
            Optional<QuantityUnit> unit = QuantityUnit.of(line.unit()).filter(u -> u.isConvertibleTo(threshold.unit()));
            if (unit.isEmpty()) {
                notConvertible.add(line.line());
                continue;
            }
            total = total.add(unit.get().convert(line.quantity(), threshold.unit()));
            counted.add(line.line());
        }
        if (total.compareTo(threshold.amount()) <= 0) {
            return Optional.empty();
        }
        String explanation = item + ": " + plain(total) + " " + threshold.unitName() + " on " + lineList(counted)
                + " is above the threshold of " + threshold + " set for " + threshold.appliesTo();
        if (!notConvertible.isEmpty()) {
            explanation += " (" + lineList(notConvertible) + " not counted: unit not convertible to "
                    + threshold.unitName() + ")";
        }
        return Optional.of(explanation);
    }

    private static boolean isCatalogItem(AssessedGoodsLine line) {
        return line.classification() != null && line.classification().category() != GoodsCategory.NONE
                && line.classification().itemCode() != null;
    }

    private static String lineList(List<Integer> lines) {
        return (lines.size() == 1 ? "line " : "lines ")
                + lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
