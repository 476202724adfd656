package io.chokepoint.monitor.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/** Shipment events in the contract's JSON, each with fresh ids so that tests never collide. */
public final class TestEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The agency reporting the contract's example: China's customs, where the goods are declared for export. */
    public static final String EXPORT_AGENCY = "CN-GACC";
    /** The agency reporting {@link #bare} movement reports: Mexico's customs, at the destination. */
    public static final String DESTINATION_AGENCY = "MX-ANAM";

    private static final String CONTRACT_EXAMPLE = """
            {
              "eventId": "%s",
              "eventType": "EXPORT_DECLARED",
              "declarationId": "%s",
              "reportingAgency": "%s",
              "occurredAt": "2026-11-28T10:15:00Z",
              "exporter":  {"name": "Jiangsu Example Fine Chemical Co., Ltd.", "country": "CN",
                            "address": "1 Example Road, Nanjing",
                            "identifiers": [{"scheme": "USCI", "value": "91320000MA1XXXXX"}]},
              "consignee": {"name": "Distribuidora Ejemplo S.A. de C.V.", "country": "MX"},
              "notifyParty": {"name": "Notificaciones Ejemplo"},
              "forwarder": {"name": "Example Forwarding Ltd", "country": "KR"},
              "route": {"originCountry": "CN", "destinationCountry": "MX", "portOfLoading": "CNSHA",
                        "portOfDischarge": "MXZLO", "transshipmentPorts": ["KRPUS"], "modeOfTransport": "SEA",
                        "vesselImo": "9321483"},
              "goods": [{"line": 1, "description": "N-Phenethyl-4-piperidone", "hsCode": "293337",
                         "casNumber": "39742-60-4", "quantity": 25, "unit": "KG",
                         "value": {"amount": 1200.00, "currency": "USD"}}]
            }""";

    private TestEvents() {
    }

    public static String newEventId() {
        return "evt-" + UUID.randomUUID();
    }

    public static String newDeclarationId() {
        return "CN-GACC-TEST-" + UUID.randomUUID();
    }

    /** The contract's example event (an NPP shipment) with the given ids. */
    public static ObjectNode npp(String eventId, String declarationId) {
        try {
            return (ObjectNode) MAPPER.readTree(CONTRACT_EXAMPLE.formatted(eventId, declarationId, EXPORT_AGENCY));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode npp() {
        return npp(newEventId(), newDeclarationId());
    }

    /**
     * A movement report carrying only what the contract requires: the two main parties' names and one goods line,
     * here a vague one; reported by {@link #DESTINATION_AGENCY}.
     */
    public static ObjectNode bare(String eventType, String declarationId, String occurredAt) {
        ObjectNode event = MAPPER.createObjectNode()
                .put("eventId", newEventId())
                .put("eventType", eventType)
                .put("declarationId", declarationId)
                .put("reportingAgency", DESTINATION_AGENCY)
                .put("occurredAt", occurredAt);
        event.putObject("exporter").put("name", "Jiangsu Example Fine Chemical Co., Ltd.");
        event.putObject("consignee").put("name", "Distribuidora Ejemplo S.A. de C.V.");
        event.putArray("goods").addObject().put("line", 1).put("description", "Chemicals");
        return event;
    }

    /** The same shipment declaring cotton T-shirts instead. */
    public static ObjectNode benign(String eventId, String declarationId) {
        ObjectNode event = npp(eventId, declarationId);
        ObjectNode line = (ObjectNode) event.withArray("goods").get(0);
        line.put("description", "Cotton T-shirts").put("hsCode", "610910").remove("casNumber");
        return event;
    }
}
