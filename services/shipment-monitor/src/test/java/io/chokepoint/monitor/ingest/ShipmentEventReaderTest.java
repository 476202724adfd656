package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chokepoint.model.shipment.ShipmentEventType;
import io.chokepoint.platform.web.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class ShipmentEventReaderTest {

    private final ShipmentEventReader reader = new ShipmentEventReader(
            new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    private ShipmentEventReader.Reading read(String json) {
        ShipmentEventReader.Document document = reader.parse(json.replace('\'', '"'));
        assertNull(document.syntaxError());
        return reader.read(document.root());
    }

    @Test
    void readsAWellTypedEvent() {
        ShipmentEventReader.Reading reading = read("{'eventId':'e1','eventType':'AMENDED','occurredAt':'2026-11-28T10:15:00Z',"
                + "'goods':[{'line':1,'quantity':2.5}],'someFutureField':{'x':1}}");
        assertThat(reading.errors(), empty());
        assertEquals(ShipmentEventType.AMENDED, reading.event().eventType());
        assertEquals(1, reading.event().goods().get(0).line());
    }

    @Test
    void namesEveryWronglyTypedValue() {
        ShipmentEventReader.Reading reading = read("{'eventId':{'a':1},'eventType':'SHIPPED','occurredAt':'yesterday',"
                + "'exporter':'ACME','goods':[{'line':'one','quantity':'lots'},{'line':2,'hsCode':[1,2]}],"
                + "'route':{'transshipmentPorts':'KRPUS'}}");
        assertNotNull(reading.event());
        assertThat(reading.errors().stream().map(FieldError::field).toList(), containsInAnyOrder(
                "eventId", "eventType", "occurredAt", "exporter", "goods[0].line", "goods[0].quantity",
                "goods[1].hsCode", "route.transshipmentPorts"));
        FieldError eventType = reading.errors().stream().filter(e -> e.field().equals("eventType")).findFirst().orElseThrow();
        assertThat(eventType.message(), containsString("EXPORT_DECLARED"));
        assertEquals(2, reading.event().goods().get(1).line());
    }

    @Test
    void malformedJsonIsOneProblemWithItsPlace() {
        ShipmentEventReader.Document document = reader.parse("{\"eventId\": \"e1\", \"goods\": [{\"line\": 1,}]}");
        assertFalse(document.isReadable());
        assertEquals("goods[0].line", document.syntaxError().field());
        assertThat(document.syntaxError().message(), startsWith("malformed JSON at line 1, column"));
    }

    @Test
    void trailingGarbageAndEmptyBodiesAreMalformed() {
        assertFalse(reader.parse("{\"eventId\":\"e1\"} trailing").isReadable());
        assertEquals(new FieldError("body", "the body is empty"), reader.parse("  ").syntaxError());
    }

    @Test
    void nulCharactersAreRefused() {
        assertEquals("body", reader.parse("{\"eventId\":\"a\\u0000b\"}").syntaxError().field());
    }

    @Test
    void aBodyThatIsNotAnObjectIsNamed() {
        ShipmentEventReader.Reading reading = reader.read(reader.parse("[1,2]").root());
        assertNull(reading.event());
        assertEquals(List.of(new FieldError("body", "expected a JSON object (a shipment event), got array")),
                reading.errors());
    }
}
