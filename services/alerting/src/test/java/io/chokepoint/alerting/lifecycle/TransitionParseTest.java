package io.chokepoint.alerting.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.chokepoint.alerting.alerts.AlertStatus;
import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TransitionParseTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void dismissalWithCodeAndText() throws Exception {
        Transition transition = Transition.parse(new TransitionRequest("dismissed",
                MAPPER.readTree("{\"code\":\"false_positive\",\"text\":\" other company, same name \"}"),
                " ana ", "checked the registry"));
        assertEquals(AlertStatus.DISMISSED, transition.to());
        assertEquals(DismissalReason.FALSE_POSITIVE, transition.reasonCode());
        assertEquals("other company, same name", transition.reasonText());
        assertEquals("ana", transition.assignee());
        assertEquals("checked the registry", transition.note());
    }

    @Test
    void aPlainReasonIsItsText() {
        Transition transition = Transition.parse(new TransitionRequest("ESCALATED",
                JsonNodeFactory.instance.textNode("needs the liaison officer"), null, null));
        assertNull(transition.reasonCode());
        assertEquals("needs the liaison officer", transition.reasonText());
    }

    @Test
    void dismissalNeedsACode() {
        assertEquals(List.of("reason.code"), fields(new TransitionRequest("DISMISSED", null, null, null)));
        assertEquals(List.of("reason.code"), fields(new TransitionRequest("DISMISSED",
                JsonNodeFactory.instance.textNode("looks fine"), null, null)));
    }

    @Test
    void everyProblemIsReported() throws Exception {
        assertEquals(List.of("status", "reason.code"), fields(new TransitionRequest("CLOSED",
                MAPPER.readTree("{\"code\":\"BORED\"}"), null, null)));
        assertEquals(List.of("status"), fields(new TransitionRequest("NEW", null, null, null)));
        assertEquals(List.of("status"), fields(new TransitionRequest(null, null, null, null)));
        assertEquals(List.of("reason.code"), fields(new TransitionRequest("ACKNOWLEDGED",
                MAPPER.readTree("{\"code\":\"FALSE_POSITIVE\"}"), null, null)));
        assertEquals(List.of("reason.text"), fields(new TransitionRequest("DISMISSED",
                MAPPER.readTree("{\"code\":\"OTHER\"}"), null, null)));
        assertEquals(List.of("reason"), fields(new TransitionRequest("ESCALATED",
                MAPPER.readTree("[1]"), null, null)));
        assertEquals(List.of("assignee", "note"), fields(new TransitionRequest("ACKNOWLEDGED", null,
                "x".repeat(129), "y".repeat(4001))));
    }

    private static List<String> fields(TransitionRequest request) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Transition.parse(request));
        return e.errors().stream().map(FieldError::field).toList();
    }
}
