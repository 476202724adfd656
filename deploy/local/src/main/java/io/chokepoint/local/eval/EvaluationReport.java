package io.chokepoint.local.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Tallies alerts against expectations per category, and goods classification per goods kind. */
final class EvaluationReport {

    static final Set<String> SANCTIONED_PARTY_TYPES = Set.of("PRECURSOR_TO_SANCTIONED_PARTY", "EQUIPMENT_TO_SANCTIONED_PARTY");

    private final Map<String, int[]> alertsByCategory = new TreeMap<>();
    private final Map<String, int[]> goodsByKind = new TreeMap<>();

    private static final int EVENTS = 0, EXPECTED = 1, FOUND = 2, MISSED = 3, WRONG_ENTITY = 4, UNEXPECTED = 5;
    private static final int LINES = 0, RECOGNISED = 1, FLAGGED = 2;

    /** Records the alerts of the two sanctioned-party types raised for one case. */
    void recordAlerts(EvaluationCase c, JsonNode alerts) {
        int[] row = alertsByCategory.computeIfAbsent(c.category(), k -> new int[6]);
        row[EVENTS]++;
        boolean expectedFound = false;
        boolean otherRaised = false;
        for (JsonNode alert : alerts) {
            String type = alert.path("type").asText();
            if (!SANCTIONED_PARTY_TYPES.contains(type)) {
                continue;
            }
            if (type.equals(c.expectedAlert()) && alert.path("entity").path("sourceId").asText().equals(c.expectedSourceId())) {
                expectedFound = true;
            } else {
                otherRaised = true;
            }
        }
        if (c.expectedAlert() == null) {
            row[UNEXPECTED] += otherRaised ? 1 : 0;
            return;
        }
        row[EXPECTED]++;
        if (expectedFound) {
            row[FOUND]++;
        } else if (otherRaised) {
            row[WRONG_ENTITY]++;
        } else {
            row[MISSED]++;
        }
    }

    /** Records one goods line: its true kind and whether the monitor classified it as that kind. */
    void recordGoodsLine(String trueKind, String classifiedCategory) {
        int[] row = goodsByKind.computeIfAbsent(trueKind, k -> new int[3]);
        row[LINES]++;
        if (trueKind.equals("BENIGN")) {
            row[FLAGGED] += isControlled(classifiedCategory) ? 1 : 0;
        } else {
            row[RECOGNISED] += trueKind.equals(classifiedCategory) ? 1 : 0;
        }
    }

    private static boolean isControlled(String category) {
        return "PRECURSOR".equals(category) || "TABLETING_EQUIPMENT".equals(category);
    }

    void print(PrintStream out) {
        out.println("Alerts of the two sanctioned-party types, per category");
        out.printf("%-10s %7s %9s %7s %7s %13s %11s%n", "category", "events", "expected", "raised", "missed",
                "wrong-entity", "unexpected");
        int[] total = new int[6];
        alertsByCategory.forEach((category, row) -> {
            printAlertRow(out, category, row);
            for (int i = 0; i < row.length; i++) {
                total[i] += row[i];
            }
        });
        printAlertRow(out, "all", total);
        int negatives = total[EVENTS] - total[EXPECTED];
        out.printf("recall %.1f%% (%d of %d expected alerts raised on the expected entry); "
                        + "false positives %d of %d events that must raise none%n%n",
                percent(total[FOUND], total[EXPECTED]), total[FOUND], total[EXPECTED], total[UNEXPECTED], negatives);

        out.println("Goods lines, per true kind (from shipment-monitor's assessments)");
        out.printf("%-20s %7s %11s %15s%n", "kind", "lines", "recognised", "wrongly-flagged");
        goodsByKind.forEach((kind, row) -> out.printf("%-20s %7d %11s %15s%n", kind, row[LINES],
                kind.equals("BENIGN") ? "-" : row[RECOGNISED], kind.equals("BENIGN") ? row[FLAGGED] : "-"));
    }

    private static void printAlertRow(PrintStream out, String category, int[] row) {
        out.printf("%-10s %7d %9d %7d %7d %13d %11d%n", category, row[EVENTS], row[EXPECTED], row[FOUND],
                row[MISSED], row[WRONG_ENTITY], row[UNEXPECTED]);
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 100.0 : 100.0 * part / whole;
    }
}
