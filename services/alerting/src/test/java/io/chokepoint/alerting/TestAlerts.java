package io.chokepoint.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.alerts.Alert;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.Match;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.chokepoint.alerting.Fixtures.assessment;
import static io.chokepoint.alerting.Fixtures.consigneeResult;
import static io.chokepoint.alerting.Fixtures.match;
import static io.chokepoint.alerting.Fixtures.nppLine;
import static org.awaitility.Awaitility.await;

/**
 * Raises alerts the way production does, through the consumed topics: one new CN to MX shipment of NPP whose
 * consignee matched new entities. Give each test its own program code to pick its alerts out of everyone's.
 */
public final class TestAlerts {

    public static final Duration WAIT = Duration.ofSeconds(45);

    private TestAlerts() {
    }

    /**
     * Raises {@code count} alerts in one screening result (so one transaction, consecutive sequences), each on an
     * entity under the given programs; answers them in sequence order once committed.
     */
    public static List<Alert> raise(ObjectMapper mapper, int count, String... programs) {
        Match[] matches = new Match[count];
        for (int i = 0; i < count; i++) {
            matches[i] = match("ent-" + UUID.randomUUID(), "Listed Front " + i, 0.95, programs);
        }
        return raise(mapper, matches);
    }

    /** Raises one alert per match, on a new shipment whose consignee matched them. */
    public static List<Alert> raise(ObjectMapper mapper, Match... matches) {
        ShipmentAssessed shipment = assessment(UUID.randomUUID().toString(), "MX-SAT-" + UUID.randomUUID(), 1,
                nppLine(1));
        TestKafka.produce(mapper, Topics.SHIPMENTS_ASSESSED, shipment.shipmentId(), shipment);
        TestKafka.produce(mapper, Topics.SCREENING_RESULTS, shipment.shipmentId(),
                consigneeResult(shipment, "OFAC-v1", Instant.now(), matches));
        return awaitAlerts(shipment.shipmentId(), matches.length);
    }

    /** The shipment's alerts, in sequence order, once there are {@code count}. */
    public static List<Alert> awaitAlerts(String shipmentId, int count) {
        return await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Alert.<Alert>list("shipmentId", Sort.by("sequence"), shipmentId)), alerts -> alerts.size() == count);
    }

    public static Alert reload(UUID alertId) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.findById(alertId));
    }

    /** A program code no other test uses. */
    public static String uniqueProgram() {
        return "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
