package io.chokepoint.local.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pushes a shipments evaluation set into the running suite and prints, per category, the alerts raised against
 * those expected, and per goods kind, how shipment-monitor classified the lines.
 * Usage: {@code ShipmentEvaluation <events.jsonl> [<ofac-dir>]}; with an OFAC directory, the snapshot is imported
 * first (again: nothing changes). Service addresses come from system properties {@code monitor}, {@code registry},
 * {@code alerting}, {@code kafka}.
 */
public final class ShipmentEvaluation {

    private static final int BATCH = 200;

    private final SuiteClient suite;
    private final PipelineQuiescence pipeline;

    private ShipmentEvaluation(SuiteClient suite, PipelineQuiescence pipeline) {
        this.suite = suite;
        this.pipeline = pipeline;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ShipmentEvaluation <events.jsonl> [<ofac-dir>]");
            System.exit(2);
        }
        SuiteClient suite = SuiteClient.fromSystemProperties("chokepoint-eval");
        if (args.length > 1) {
            JsonNode report = suite.importOfac(Path.of(args[1]));
            System.out.println("OFAC import: " + report);
        }
        Duration timeout = Duration.parse(System.getProperty("timeout", "PT5M"));
        try (PipelineQuiescence pipeline = new PipelineQuiescence(System.getProperty("kafka", "127.0.0.1:9092"), timeout)) {
            new ShipmentEvaluation(suite, pipeline).run(load(Path.of(args[0])));
        }
    }

    private void run(List<EvaluationCase> cases) throws Exception {
        long assessedBefore = pipeline.recordCount("shipments.assessed");
        long screenedBefore = pipeline.recordCount("screening.results");
        Map<String, String> shipmentIds = post(cases);
        int accepted = shipmentIds.size();
        pipeline.awaitConsumed("shipments.assessed", assessedBefore + accepted, "sanctions-registry", "alerting");
        pipeline.awaitConsumed("screening.results", screenedBefore + accepted, "alerting");

        EvaluationReport report = new EvaluationReport();
        GoodsTruth truth = new GoodsTruth(cases);
        for (EvaluationCase c : cases) {
            report.recordAlerts(c, suite.alertsForDeclaration(c.declarationId()));
            recordGoods(report, truth, c, shipmentIds.get(c.event().path("eventId").asText()));
        }
        System.out.printf("%d events pushed, %d accepted%n%n", cases.size(), accepted);
        report.print(System.out);
    }

    /**
     * Posts the events in batches, each agency's as that agency's partner (a partner may only report for its own
     * agency), in file order within an agency; answers the shipment of each accepted event, by event id.
     */
    private Map<String, String> post(List<EvaluationCase> cases) throws IOException, InterruptedException {
        Map<String, List<JsonNode>> byAgency = new LinkedHashMap<>();
        cases.forEach(c -> byAgency.computeIfAbsent(c.reportingAgency(), a -> new ArrayList<>())
                .add(c.event()));
        Map<String, String> shipmentIds = new HashMap<>();
        for (Map.Entry<String, List<JsonNode>> agency : byAgency.entrySet()) {
            List<JsonNode> events = agency.getValue();
            for (int from = 0; from < events.size(); from += BATCH) {
                record(shipmentIds, suite.postBatch(agency.getKey(), events.subList(from, Math.min(events.size(), from + BATCH))));
            }
        }
        return shipmentIds;
    }

    private static void record(Map<String, String> shipmentIds, JsonNode results) {
        for (JsonNode result : results) {
            if ("ACCEPTED".equals(result.path("status").asText())) {
                shipmentIds.put(result.path("eventId").asText(), result.path("shipmentId").asText());
            } else {
                System.out.println("not accepted: " + result);
            }
        }
    }

    private void recordGoods(EvaluationReport report, GoodsTruth truth, EvaluationCase c, String shipmentId)
            throws IOException, InterruptedException {
        if (shipmentId == null) {
            return;
        }
        Map<Integer, String> classified = new HashMap<>();
        for (JsonNode line : suite.shipment(shipmentId).path("latestAssessment").path("goods")) {
            classified.put(line.path("line").asInt(), line.path("classification").path("category").asText());
        }
        for (JsonNode line : c.event().path("goods")) {
            report.recordGoodsLine(truth.kindOf(c, line), classified.get(line.path("line").asInt()));
        }
    }

    private static List<EvaluationCase> load(Path events) throws IOException {
        return EvaluationCase.read(events, UUID.randomUUID().toString().substring(0, 8));
    }
}
