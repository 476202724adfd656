package io.chokepoint.local.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.chokepoint.local.eval.EvaluationCase;
import io.chokepoint.local.eval.SuiteClient;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

/**
 * {@code ./chokepoint load}: drives the running suite with shipment events made from an evaluation set's cases and
 * reports throughput, the alerts that came back against those expected, and their latency. Exit status 0 when
 * every expected alert came back once and no other did, 1 otherwise or on timeout, 2 on bad arguments.
 * The broker comes from system property {@code kafka}, the services' addresses as for the evaluation.
 */
public final class LoadGenerator {

    static final int FAILED = 1;
    static final int USAGE = 2;

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(List.of(args));
            if (!Files.isRegularFile(options.cases())) {
                throw new IllegalArgumentException("no evaluation set at " + options.cases());
            }
        } catch (IllegalArgumentException e) {
            System.err.println("load: " + e.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(USAGE);
            return;
        }
        LoadReport report = run(options);
        report.print(System.out);
        System.exit(report.passed() ? 0 : FAILED);
    }

    private static LoadReport run(LoadOptions options) throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        List<EvaluationCase> templates = EvaluationCase.read(options.cases(), runId);
        boolean needsApi = options.transport() == LoadOptions.Transport.REST || options.ofac() != null;
        SuiteClient suite = needsApi ? SuiteClient.fromSystemProperties("chokepoint-load") : null;
        if (options.ofac() != null) {
            // The cases' expected alerts name OFAC entries; importing the snapshot again changes nothing.
            JsonNode imported = suite.importOfac(options.ofac());
            System.out.printf("OFAC import: %d added, %d changed, %d removed%s%n", imported.path("added").asLong(),
                    imported.path("changed").asLong(), imported.path("removed").asLong(),
                    imported.hasNonNull("listVersion") ? ", list version " + imported.path("listVersion").asText() : "");
        }
        String kafka = System.getProperty("kafka", "127.0.0.1:9092");
        System.out.printf("sending %d events (%s) over %s, seed %d, made from %d cases of %s%n", options.events(),
                options.pacing().describe(), options.transport(), options.seed(), templates.size(), options.cases());
        return new LoadRun(kafka, SuitePipeline.SUITE, System.out).run(options, templates, runId, sent ->
                options.transport() == LoadOptions.Transport.REST
                        ? new RestShipmentSink(suite, sent, options.pacing().saturating())
                        : new KafkaShipmentSink(kafka, SuitePipeline.SUITE.inboundTopic(), sent));
    }
}
