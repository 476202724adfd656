package io.chokepoint.alerting.intake;

import io.chokepoint.alerting.alerts.AlertRecorder;
import io.chokepoint.alerting.rules.AlertRules;
import io.chokepoint.alerting.support.JsonCodec;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.ScreeningResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Runs the rules on a screening result and the assessment revision it screened, and records the findings. */
@ApplicationScoped
public class ShipmentEvaluation {

    private final AlertRules rules;
    private final AlertRecorder recorder;
    private final JsonCodec json;

    public ShipmentEvaluation(AlertRules rules, AlertRecorder recorder, JsonCodec json) {
        this.rules = rules;
        this.recorder = recorder;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluate(ShipmentAssessed assessment, ScreeningResult result) {
        rules.evaluate(assessment, result).forEach(finding -> recorder.record(finding, assessment));
    }

    /** Evaluates every stored result of the assessment's revision (an assessment that arrived last). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluateStoredResults(ShipmentAssessed assessment) {
        for (StoredScreeningResult stored : StoredScreeningResult.forRevision(assessment.shipmentId(),
                assessment.revision())) {
            evaluate(assessment, json.read(stored.payload, ScreeningResult.class));
        }
    }

    /** Evaluates a result with the stored assessment of its revision, if that has arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluateWithStoredAssessment(ScreeningResult result) {
        StoredAssessment.findRevision(result.shipmentId(), result.revision())
                .map(stored -> json.read(stored.payload, ShipmentAssessed.class))
                .ifPresent(assessment -> evaluate(assessment, result));
    }
}
