package io.chokepoint.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a body can be unreadable is named at its field, in words. */
class JsonErrorsTest {

    enum EntityType { PERSON, ORGANIZATION }

    record Identifier(String scheme, String value) {
    }

    record Entry(String name, EntityType type, int revision, List<String> aliases, List<Identifier> identifiers,
                 Instant listedOn) {
    }

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void malformedJsonIsAProblemOfTheWholeBodyAndSaysWhere() {
        FieldError error = read("{\"name\": \"X\", ", Entry.class);
        assertEquals(FieldError.BODY, error.field());
        assertTrue(error.message().startsWith("malformed JSON at line 1, column"), error.message());
        assertFalse(error.message().contains("[Source:"), error.message());
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        assertEquals(new FieldError("aliases", "must be an array"),
                read("{\"aliases\": 5}", Entry.class));
        assertEquals(new FieldError("identifiers[0].scheme", "must be a string"),
                read("{\"identifiers\": [{\"scheme\": []}]}", Entry.class));
        assertEquals(new FieldError("revision", "has an invalid value 'seven'"),
                read("{\"revision\": \"seven\"}", Entry.class));
        assertEquals(new FieldError("[1].name", "must be a string"),
                read("[{\"name\": \"ok\"}, {\"name\": {}}]", Entry[].class));
    }

    @Test
    void anEnumOrAnInstantSaysWhatItAccepts() {
        assertEquals(new FieldError("type", "must be one of PERSON, ORGANIZATION, got 'SHIP'"),
                read("{\"type\": \"SHIP\"}", Entry.class));
        FieldError date = read("{\"listedOn\": \"yesterday\"}", Entry.class);
        assertEquals("listedOn", date.field());
        assertTrue(date.message().contains("ISO-8601"), date.message());
    }

    @Test
    void anUnknownFieldIsNamedWhenTheReaderRefusesThem() {
        ObjectMapper strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonProcessingException failure = assertThrows(JsonProcessingException.class,
                () -> strict.readValue("{\"nmae\": \"X\"}", Entry.class));
        assertEquals(new FieldError("nmae", "is not a known field"), JsonErrors.of(failure));
    }

    @Test
    void onlyReadingFailuresAreBadInput() {
        JsonProcessingException syntax = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue("{", Entry.class));
        assertTrue(JsonErrors.isBadInput(syntax));
        JsonProcessingException writing = assertThrows(JsonProcessingException.class,
                () -> new ObjectMapper().writeValueAsString(new Object()));
        assertFalse(JsonErrors.isBadInput(writing));
    }

    private FieldError read(String json, Class<?> type) {
        JsonProcessingException failure = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue(json, type));
        return JsonErrors.of(failure);
    }
}
