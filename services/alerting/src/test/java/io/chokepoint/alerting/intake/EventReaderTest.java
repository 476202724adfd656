package io.chokepoint.alerting.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chokepoint.platform.messaging.InvalidEventException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventReaderTest {

    private final ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private final EventReader reader = new EventReader(mapper);

    @Test
    void unreadableJsonIsRejected() {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> reader.screeningResult("{oops"));
        assertTrue(e.getMessage().startsWith("Unreadable ScreeningResult"), e.getMessage());
    }

    @Test
    void everyMissingFieldIsNamed() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> reader.screeningResult("{\"revision\": -1, \"parties\": [{\"matches\": [{\"score\": 2}]}]}"));
        assertEquals("Invalid ScreeningResult: eventId is missing; shipmentId is missing; "
                + "revision must not be negative; parties[0].role is missing; parties[0].matches[0].entityId is "
                + "missing; parties[0].matches[0].score must be between 0 and 1", e.getMessage());
    }

    @Test
    void assessmentNeedsGoods() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> reader.assessment("{\"eventId\": \"e\", \"shipmentId\": \"s\", \"revision\": 1}"));
        assertEquals("Invalid ShipmentAssessed: goods is missing", e.getMessage());
    }

    @Test
    void nullRecordIsRejected() {
        assertThrows(InvalidEventException.class, () -> reader.assessment("null"));
        assertThrows(InvalidEventException.class, () -> reader.assessment(""));
    }
}
