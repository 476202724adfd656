package io.chokepoint.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.chokepoint.model.shipment.ShipmentEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyEventTypeSerialisesToItsSchema() throws IOException {
        for (Class<?> type : EventSchemas.eventTypes()) {
            Object sample = SampleEvents.of(type);
            Set<ValidationMessage> problems = schema(type).validate(JSON.valueToTree(sample));
            assertTrue(problems.isEmpty(), type.getSimpleName() + ": " + problems);
        }
    }

    @Test
    void contractExampleIsAValidShipmentEvent() throws IOException {
        JsonNode example = JSON.readTree(resource("/contract-shipment-event.json"));
        assertEquals(Set.of(), schema(ShipmentEvent.class).validate(example));
        ShipmentEvent event = JSON.treeToValue(example, ShipmentEvent.class);
        assertEquals("39742-60-4", event.goods().get(0).casNumber());
        assertEquals(1, event.route().transshipmentPorts().size());
    }

    @Test
    void schemaRefusesAnEventWithoutRequiredFieldsOrWithBadCodes() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(resource("/contract-shipment-event.json"));
        event.remove("eventId");
        ((ObjectNode) event.path("consignee")).put("country", "Mexico");
        Set<ValidationMessage> problems = schema(ShipmentEvent.class).validate(event);
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().anyMatch(p -> p.getMessage().contains("eventId")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.getInstanceLocation().toString().contains("consignee")),
                problems.toString());
    }

    private static JsonSchema schema(Class<?> type) throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = resource(EventSchemas.resourceFor(type))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = EventSchemasTest.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " not found");
        }
        return in;
    }
}
