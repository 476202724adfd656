package io.chokepoint.monitor.assessment;

import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.assessment.GoodsClassification;
import io.chokepoint.model.assessment.ShipmentAssessed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Whether a new assessment says something the latest published one did not, in what its consumers use:
 * sanctions-registry screens the parties; alerting matches goods categories with screening results, shows the goods
 * lines and route, and grades with the indicators. The event's own header (type, time, id) does not count, nor do a
 * classification's wording and catalog version as long as its category, item and mis-declaration stay the same.
 */
final class MaterialChange {

    private MaterialChange() {
    }

    static boolean between(ShipmentAssessed published, ShipmentAssessed candidate) {
        return !Objects.equals(published.parties(), candidate.parties())
                || !Objects.equals(published.route(), candidate.route())
                || !Objects.equals(orEmpty(published.indicators()), orEmpty(candidate.indicators()))
                || !sameGoods(orEmpty(published.goods()), orEmpty(candidate.goods()));
    }

    private static boolean sameGoods(List<AssessedGoodsLine> before, List<AssessedGoodsLine> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            if (!sameLine(before.get(i), after.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameLine(AssessedGoodsLine a, AssessedGoodsLine b) {
        return a.line() == b.line()
                && Objects.equals(a.description(), b.description())
                && Objects.equals(a.hsCode(), b.hsCode())
                && Objects.equals(a.casNumber(), b.casNumber())
                && sameAmount(a.quantity(), b.quantity())
                && Objects.equals(a.unit(), b.unit())
                && sameClassification(a.classification(), b.classification());
    }

    private static boolean sameClassification(GoodsClassification a, GoodsClassification b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.category() == b.category() && Objects.equals(a.itemCode(), b.itemCode())
                && a.misdeclared() == b.misdeclared();
    }

    /** 25 and 25.0 are the same quantity; JSON may give back either. */
    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
