package io.chokepoint.monitor.assessment;

import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.model.assessment.GoodsClassification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What assessments found, counted by the caller once the event's transaction has committed. Goods are counted in
 * published assessments only (a new revision, which goes downstream), once per goods line, by catalog category and
 * item code: values the catalog bounds. An event that changed nothing downstream uses is counted as
 * {@code unchanged} and its goods are not counted again.
 */
@ApplicationScoped
public class AssessmentMetrics {

    static final String ASSESSMENTS = "chokepoint.assessments";
    static final String RECOGNISED = "chokepoint.controlled.goods.recognised";
    static final String MISDECLARATIONS = "chokepoint.misdeclarations";
    static final String UNKNOWN_ITEM = "unknown";

    private final MeterRegistry registry;

    AssessmentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void assessed(AssessmentLedger.Outcome outcome) {
        Counter.builder(ASSESSMENTS)
                .description("Assessments of accepted events: published (a new revision) or unchanged")
                .tag("outcome", outcome.published() ? "published" : "unchanged")
                .tag("flagged", Boolean.toString(outcome.flagged()))
                .register(registry)
                .increment();
        if (outcome.published()) {
            outcome.assessment().goods().forEach(this::countGoods);
        }
    }

    private void countGoods(AssessedGoodsLine line) {
        GoodsClassification classification = line.classification();
        if (classification == null) {
            return;
        }
        String item = classification.itemCode() == null ? UNKNOWN_ITEM : classification.itemCode();
        if (classification.category() != GoodsCategory.NONE) {
            Counter.builder(RECOGNISED)
                    .description("Goods lines of published assessments that the catalog recognises, by category and item")
                    .tag("category", classification.category().name())
                    .tag("substance", item)
                    .register(registry)
                    .increment();
        }
        if (classification.misdeclared()) {
            Counter.builder(MISDECLARATIONS)
                    .description("Goods lines of published assessments naming a catalog item under a benign HS code")
                    .tag("substance", item)
                    .register(registry)
                    .increment();
        }
    }
}
