package io.chokepoint.local.load;

import io.chokepoint.local.eval.EvaluationCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load runs against a real broker, with a stand-in for the suite that answers each event with the alerts a rule
 * gives, so that every count of the report can be checked against the events the run's seed drew.
 */
class LoadRunTest {

    private static final String PRECURSOR = "PRECURSOR_TO_SANCTIONED_PARTY";
    private static final String EQUIPMENT = "EQUIPMENT_TO_SANCTIONED_PARTY";
    private static final long SEED = 7;

    @TempDir
    Path dir;

    private Path cases;
    private String inbound;
    private String alerts;
    private String group;

    @BeforeEach
    void topics() throws Exception {
        cases = dir.resolve("cases.jsonl");
        Files.write(cases, List.of(
                line("PS", "Alpha Listed Trading", PRECURSOR, "100"),
                line("ES", "Beta Listed Machinery", EQUIPMENT, "200"),
                line("C", "Gamma Benign Imports", null, null),
                line("S", "Delta Lookalike Holdings", null, null),
                line("PX", "Epsilon Listed Chemicals", PRECURSOR, "300")));
        inbound = InJvmKafka.newTopic("inbound");
        alerts = InJvmKafka.newTopic("alerts");
        group = "suite-" + inbound;
    }

    /** Every expected alert once; for the lookalike, an alert of a declaration not of this run. */
    private static final Function<String, List<FakeSuite.Raise>> SOUND = consignee -> switch (consignee) {
        case "Alpha Listed Trading" -> List.of(FakeSuite.Raise.of(PRECURSOR, "100"));
        case "Beta Listed Machinery" -> List.of(FakeSuite.Raise.of(EQUIPMENT, "200"));
        case "Epsilon Listed Chemicals" -> List.of(FakeSuite.Raise.of(PRECURSOR, "300"));
        case "Delta Lookalike Holdings" -> List.of(new FakeSuite.Raise(PRECURSOR, "100", "ELSEWHERE-1"));
        default -> List.of();
    };

    @Test
    void aSoundSuiteRaisesEveryExpectedAlertOnceAndTheRunPasses() throws Exception {
        LoadReport report = run(SOUND, "--saturate", "60", "--timeout", "2m");

        Map<String, Long> drawn = drawn(60);
        long expected = drawn.getOrDefault("PS", 0L) + drawn.getOrDefault("ES", 0L) + drawn.getOrDefault("PX", 0L);
        assertEquals(60, report.sent());
        assertEquals(expected, report.expected());
        assertEquals(expected, report.arrived());
        assertEquals(expected, report.latencies().count());
        assertEquals(0, report.missing());
        assertEquals(0, report.duplicates());
        assertEquals(0, report.unexpected());
        assertEquals(0, report.otherEntry());
        assertEquals(drawn.getOrDefault("S", 0L), report.foreign(), "alerts of other declarations are counted apart");
        assertFalse(report.timedOut());
        assertTrue(report.passed(), "a run where every expected alert came back once passes");
        assertTrue(report.caughtUpAtMillis() >= report.startedAtMillis());
    }

    @Test
    void duplicateUnexpectedAndMissingAlertsAreCountedAndFailTheRun() throws Exception {
        Function<String, List<FakeSuite.Raise>> rule = consignee -> switch (consignee) {
            case "Alpha Listed Trading" -> List.of(FakeSuite.Raise.of(PRECURSOR, "100"));
            case "Beta Listed Machinery" -> List.of(FakeSuite.Raise.of(EQUIPMENT, "200"), FakeSuite.Raise.of(EQUIPMENT, "200"));
            case "Gamma Benign Imports" -> List.of(FakeSuite.Raise.of(PRECURSOR, "100"));
            case "Epsilon Listed Chemicals" -> List.of(FakeSuite.Raise.of(PRECURSOR, "301"));
            default -> List.of();
        };
        LoadReport report = run(rule, "--saturate", "60", "--timeout", "3s");

        Map<String, Long> drawn = drawn(60);
        long alpha = drawn.getOrDefault("PS", 0L);
        long beta = drawn.getOrDefault("ES", 0L);
        long epsilon = drawn.getOrDefault("PX", 0L);
        assertTrue(alpha > 0 && beta > 0 && epsilon > 0 && drawn.getOrDefault("C", 0L) > 0, "the seed draws every case: " + drawn);
        assertEquals(alpha + beta + epsilon, report.expected());
        assertEquals(alpha + beta, report.arrived());
        assertEquals(beta, report.duplicates(), "a second alert for a declaration is a duplicate");
        assertEquals(drawn.get("C"), report.unexpected(), "an alert on a case that must raise none is unexpected");
        assertEquals(epsilon, report.otherEntry(), "an alert on another entry is counted apart");
        assertEquals(epsilon, report.missing(), "the alert on the wrong entry leaves the expected one missing");
        assertTrue(report.timedOut(), "missing alerts keep the run waiting until the timeout");
        assertFalse(report.passed());
    }

    @Test
    void aSteadyRateSendsThePlannedCount() throws Exception {
        LoadReport report = run(SOUND, "--rate", "40", "--duration", "1s", "--timeout", "2m");

        assertEquals(40, report.options().events());
        assertEquals(40, report.sent());
        assertEquals(40, InJvmKafka.recordCount(inbound), "every planned event is on the inbound topic, once");
        assertEquals(drawnExpecting(40), report.expected(), "expectations come from the drawn cases");
        assertEquals(drawnExpecting(40), report.arrived());
        assertTrue(report.passed());
    }

    private LoadReport run(Function<String, List<FakeSuite.Raise>> rule, String... args) throws Exception {
        List<String> options = new ArrayList<>(List.of(args));
        options.addAll(List.of("--seed", Long.toString(SEED), "--cases", cases.toString()));
        LoadOptions load = LoadOptions.parse(options);
        String bootstrap = InJvmKafka.bootstrapServers();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (FakeSuite suite = new FakeSuite(inbound, group, alerts,
                event -> rule.apply(event.path("consignee").path("name").asText()))) {
            LoadReport report = new LoadRun(bootstrap, new SuitePipeline(inbound, alerts, List.of(group), List.of()), out)
                    .run(load, EvaluationCase.read(cases, "t"), "run" + SEED, sent -> new KafkaShipmentSink(bootstrap, inbound, sent));
            report.print(out);
            System.out.print(printed.toString(StandardCharsets.UTF_8));
            return report;
        }
    }

    /** How many events of each category the run's seed draws. */
    private Map<String, Long> drawn(int events) throws Exception {
        ShipmentVariants variants = new ShipmentVariants(EvaluationCase.read(cases, "t"), SEED, "count");
        return LongStream.range(0, events).mapToObj(variants::next)
                .collect(Collectors.groupingBy(EvaluationCase::category, Collectors.counting()));
    }

    private long drawnExpecting(int events) throws Exception {
        Map<String, Long> drawn = drawn(events);
        return drawn.getOrDefault("PS", 0L) + drawn.getOrDefault("ES", 0L) + drawn.getOrDefault("PX", 0L);
    }

    private static String line(String category, String consignee, String alert, String sourceId) {
        String expect = alert == null ? "{\"alert\": null}"
                : "{\"alert\": \"" + alert + "\", \"source\": \"OFAC-SDN\", \"sourceId\": \"" + sourceId + "\"}";
        return "{\"category\": \"" + category + "\", \"event\": {\"eventId\": \"e-" + category + "\","
                + " \"eventType\": \"EXPORT_DECLARED\", \"declarationId\": \"D-" + category + "\","
                + " \"reportingAgency\": \"CN-GACC\", \"occurredAt\": \"2026-11-15T20:41:00Z\","
                + " \"exporter\": {\"name\": \"Ningbo Exporter\", \"country\": \"CN\"},"
                + " \"consignee\": {\"name\": \"" + consignee + "\", \"country\": \"MX\"},"
                + " \"goods\": [{\"line\": 1, \"description\": \"goods\", \"hsCode\": \"293339\", \"quantity\": 1,"
                + " \"unit\": \"KG\"}]}, \"expect\": " + expect + "}";
    }
}
