package io.chokepoint.alerting.alerts;

import io.chokepoint.alerting.rules.Finding;
import io.chokepoint.model.assessment.AssessedGoodsLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Folds a new finding into what an alert already holds. Only new evidence counts: a higher score, a newer list
 * version, goods lines not seen before. A repeated or weaker finding changes nothing, so it leaves no history.
 *
 * @param merged  the alert's facts after the merge (the current ones when nothing changed)
 * @param changes field name to its value before and after, in a stable order; empty when nothing changed
 */
public record EvidenceMerge(Finding merged, Map<String, Change> changes) {

    /** One changed field of an alert. */
    public record Change(Object from, Object to) {
    }

    public boolean changed() {
        return !changes.isEmpty();
    }

    public static EvidenceMerge of(Finding current, Finding incoming) {
        Map<String, Change> changes = new LinkedHashMap<>();
        Finding merged = current;
        if (incoming.score() > current.score()) {
            changes.put("score", new Change(current.score(), incoming.score()));
            merged = withMatch(merged, incoming);
        }
        if (isNewerList(current, incoming)) {
            changes.put("listVersion", new Change(current.listVersion(), incoming.listVersion()));
            putIfDifferent(changes, "entityName", current.entityName(), incoming.entityName());
            putIfDifferent(changes, "programs", current.programs(), incoming.programs());
            merged = withEntity(merged, incoming);
        }
        List<AssessedGoodsLine> addedLines = linesNotIn(current.goods(), incoming.goods());
        if (!addedLines.isEmpty()) {
            List<AssessedGoodsLine> goods = new ArrayList<>(current.goods());
            goods.addAll(addedLines);
            goods.sort(Comparator.comparingInt(AssessedGoodsLine::line));
            changes.put("goods", new Change(lineNumbers(current.goods()), lineNumbers(goods)));
            merged = withGoods(merged, goods);
        }
        if (changes.isEmpty()) {
            return new EvidenceMerge(current, Map.of());
        }
        return new EvidenceMerge(withSource(merged, incoming), changes);
    }

    /** A different list version counts only if it was screened later than the evidence the alert holds. */
    private static boolean isNewerList(Finding current, Finding incoming) {
        if (incoming.listVersion() == null || incoming.listVersion().equals(current.listVersion())) {
            return false;
        }
        Instant held = current.screenedAt();
        Instant offered = incoming.screenedAt();
        if (held == null) {
            return true;
        }
        return offered != null && offered.isAfter(held);
    }

    private static void putIfDifferent(Map<String, Change> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.put(field, new Change(from, to));
        }
    }

    private static List<AssessedGoodsLine> linesNotIn(List<AssessedGoodsLine> held, List<AssessedGoodsLine> offered) {
        Set<Integer> known = held.stream().map(AssessedGoodsLine::line).collect(Collectors.toSet());
        return offered.stream().filter(line -> !known.contains(line.line())).toList();
    }

    private static List<Integer> lineNumbers(List<AssessedGoodsLine> goods) {
        return goods.stream().map(AssessedGoodsLine::line).toList();
    }

    private static Finding withMatch(Finding f, Finding from) {
        return new Finding(f.type(), f.shipmentId(), f.declarationId(), f.reportingAgency(), f.partyRole(),
                f.partyName(), f.partyCountry(), f.entityId(), f.entitySource(), f.entitySourceId(), f.entityName(),
                f.programs(), from.matchedName(), from.matchExplanation(), from.score(), f.listVersion(), f.late(),
                f.goods(), f.screenedAt(), f.screeningEventId());
    }

    private static Finding withEntity(Finding f, Finding from) {
        return new Finding(f.type(), f.shipmentId(), f.declarationId(), f.reportingAgency(), f.partyRole(),
                f.partyName(), f.partyCountry(), f.entityId(), from.entitySource(), from.entitySourceId(),
                from.entityName(), from.programs(), f.matchedName(), f.matchExplanation(), f.score(),
                from.listVersion(), f.late(), f.goods(), from.screenedAt(), f.screeningEventId());
    }

    private static Finding withGoods(Finding f, List<AssessedGoodsLine> goods) {
        return new Finding(f.type(), f.shipmentId(), f.declarationId(), f.reportingAgency(), f.partyRole(),
                f.partyName(), f.partyCountry(), f.entityId(), f.entitySource(), f.entitySourceId(), f.entityName(),
                f.programs(), f.matchedName(), f.matchExplanation(), f.score(), f.listVersion(), f.late(),
                goods, f.screenedAt(), f.screeningEventId());
    }

    private static Finding withSource(Finding f, Finding from) {
        return new Finding(f.type(), f.shipmentId(), f.declarationId(), f.reportingAgency(), f.partyRole(),
                f.partyName(), f.partyCountry(), f.entityId(), f.entitySource(), f.entitySourceId(), f.entityName(),
                f.programs(), f.matchedName(), f.matchExplanation(), f.score(), f.listVersion(), f.late(),
                f.goods(), f.screenedAt(), from.screeningEventId());
    }
}
