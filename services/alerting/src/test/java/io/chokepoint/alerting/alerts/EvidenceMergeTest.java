package io.chokepoint.alerting.alerts;

import io.chokepoint.alerting.rules.AlertRules;
import io.chokepoint.alerting.rules.Finding;
import io.chokepoint.model.assessment.ShipmentAssessed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.chokepoint.alerting.Fixtures.anppLine;
import static io.chokepoint.alerting.Fixtures.assessment;
import static io.chokepoint.alerting.Fixtures.consigneeResult;
import static io.chokepoint.alerting.Fixtures.match;
import static io.chokepoint.alerting.Fixtures.nppLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvidenceMergeTest {

    private static final Instant T1 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-29T10:00:00Z");

    private final ShipmentAssessed revision1 = assessment("S1", "D1", 1, nppLine(1));

    private Finding finding(ShipmentAssessed assessment, String listVersion, Instant at, double score,
                            String... programs) {
        return new AlertRules().evaluate(assessment,
                consigneeResult(assessment, listVersion, at, match("E1", "Cartel Front", score, programs))).get(0);
    }

    @Test
    void sameEvidenceChangesNothing() {
        Finding first = finding(revision1, "v1", T1, 0.95);
        EvidenceMerge merge = EvidenceMerge.of(first, finding(revision1, "v1", T1, 0.95));
        assertFalse(merge.changed());
        assertEquals(first, merge.merged());
    }

    @Test
    void lowerScoreOrOlderListChangesNothing() {
        Finding held = finding(revision1, "v2", T2, 0.95);
        assertFalse(EvidenceMerge.of(held, finding(revision1, "v1", T1, 0.90)).changed());
    }

    @Test
    void higherScoreIsTaken() {
        EvidenceMerge merge = EvidenceMerge.of(finding(revision1, "v1", T1, 0.91), finding(revision1, "v1", T1, 0.97));
        assertEquals(List.of("score"), List.copyOf(merge.changes().keySet()));
        assertEquals(0.97, merge.merged().score());
    }

    @Test
    void newerListVersionIsTakenWithItsPrograms() {
        EvidenceMerge merge = EvidenceMerge.of(finding(revision1, "v1", T1, 0.95),
                finding(revision1, "v2", T2, 0.95, "SDNTK"));
        assertEquals(List.of("listVersion", "programs"), List.copyOf(merge.changes().keySet()));
        assertEquals("v2", merge.merged().listVersion());
        assertEquals(List.of("SDNTK"), merge.merged().programs());
        assertEquals(T2, merge.merged().screenedAt());
    }

    @Test
    void newGoodsLinesAreAdded() {
        ShipmentAssessed revision2 = assessment("S1", "D1", 2, nppLine(1), anppLine(2));
        EvidenceMerge merge = EvidenceMerge.of(finding(revision1, "v1", T1, 0.95), finding(revision2, "v1", T1, 0.95));
        assertTrue(merge.changed());
        assertEquals(new EvidenceMerge.Change(List.of(1), List.of(1, 2)), merge.changes().get("goods"));
        assertEquals(2, merge.merged().goods().size());
    }
}
