package io.chokepoint.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonPathsTest {

    record Line(int line, String casNumber) {
    }

    record Event(List<Line> goods) {
    }

    @Test
    void theParserPositionIsWrittenAsAPath() throws Exception {
        try (JsonParser parser = new ObjectMapper().createParser("{\"goods\": [{\"line\": 1}, {\"casNumber\": {}}]}")) {
            JsonToken token;
            String path = null;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT && "casNumber".equals(parser.currentName())) {
                    path = JsonPaths.of(parser.getParsingContext(), token);
                }
            }
            assertEquals("goods[1].casNumber", path);
        }
    }

    @Test
    void aMappingFailureIsWrittenAsAPath() {
        JsonMappingException failure = assertThrows(JsonMappingException.class, () -> new ObjectMapper()
                .readValue("{\"goods\": [{\"line\": 1}, {\"line\": \"x\"}]}", Event.class));
        assertEquals("goods[1].line", JsonPaths.of(failure));
    }

    @Test
    void theRootIsTheBody() {
        JsonMappingException failure = assertThrows(JsonMappingException.class,
                () -> new ObjectMapper().readValue("[]", Event.class));
        assertEquals(FieldError.BODY, JsonPaths.of(failure));
    }
}
