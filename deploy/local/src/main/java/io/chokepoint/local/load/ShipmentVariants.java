package io.chokepoint.local.load;

import io.chokepoint.local.eval.EvaluationCase;

import java.util.List;
import java.util.Random;

/**
 * Shipment events made from the cases of an evaluation set: each a copy of a case drawn at random (the seed fixes
 * the draw), under an event id and a declaration id of its own, so that every event opens a shipment of its own
 * and expects the alert its case expects. The set's mix of categories is the load's mix.
 */
final class ShipmentVariants {

    private final List<EvaluationCase> templates;
    private final Random draw;
    private final String runId;

    ShipmentVariants(List<EvaluationCase> templates, long seed, String runId) {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("the evaluation set holds no case to make events from");
        }
        this.templates = List.copyOf(templates);
        this.draw = new Random(seed);
        this.runId = runId;
    }

    /** The event of this index in the run. */
    EvaluationCase next(long index) {
        EvaluationCase template = templates.get(draw.nextInt(templates.size()));
        return template.withIds("load-" + runId + "-" + index, "LOAD-" + runId + "-" + index);
    }
}
