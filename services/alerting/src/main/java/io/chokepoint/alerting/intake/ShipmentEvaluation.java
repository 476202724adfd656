package io.chokepoint.alerting.intake;

import io.chokepoint.alerting.alerts.AlertRecorder;
import io.chokepoint.alerting.rules.AlertRules;
import io.chokepoint.alerting.support.JsonCodec;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.ScreeningResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

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

    /** Evaluates the stored results of the assessment's revision (an assessment that arrived last). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluateStored(ShipmentAssessed assessment, List<StoredScreeningResult> results) {
        for (StoredScreeningResult stored : results) {
            evaluate(assessment, json.read(stored.payload, ScreeningResult.class));
        }
    }

    /** Evaluates a result with the stored assessment of its revision (a result that arrived last). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluateWithStored(StoredAssessment assessment, ScreeningResult result) {
        evaluate(json.read(assessment.payload, ShipmentAssessed.class), result);
    }
}
