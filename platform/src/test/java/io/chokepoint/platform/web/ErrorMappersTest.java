package io.chokepoint.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status and body of each answer, as the mappers build them. */
class ErrorMappersTest {

    record Query(String name, int limit) {
    }

    private final ErrorMappers mappers = new ErrorMappers();

    @Test
    void anInvalidRequestNamesEveryProblem() {
        List<FieldError> errors = List.of(new FieldError("type", "must be one of A, B"),
                new FieldError("size", "must be between 1 and 200"));
        Response response = mappers.invalidRequest(new InvalidRequestException(errors));
        assertEquals(400, response.getStatus());
        assertEquals(new ErrorResponse(errors), response.getEntity());
    }

    @Test
    void anUnknownIdIs404WithItsMessage() {
        Response response = mappers.unknownId(new UnknownIdException("No alert with id 42"));
        assertEquals(404, response.getStatus());
        assertEquals(new MessageResponse("No alert with id 42"), response.getEntity());
    }

    @Test
    void aWrongTypeIs400AtItsField() {
        MismatchedInputException failure = assertThrows(MismatchedInputException.class,
                () -> new ObjectMapper().readValue("{\"limit\": []}", Query.class));
        Response response = mappers.mismatchedInput(failure);
        assertEquals(400, response.getStatus());
        assertEquals(ErrorResponse.of("limit", "must be an integer"), response.getEntity());
    }

    @Test
    void malformedJsonWrappedByTheFrameworkIs400OnTheBody() {
        JsonProcessingException syntax = assertThrows(JsonProcessingException.class,
                () -> new ObjectMapper().readTree("{\"name\": "));
        Response response = mappers.webApplication(new BadRequestException(syntax));
        assertEquals(400, response.getStatus());
        ErrorResponse body = assertInstanceOf(ErrorResponse.class, response.getEntity());
        assertEquals(FieldError.BODY, body.errors().get(0).field());
    }

    @Test
    void otherFrameworkAnswersKeepTheirStatusAndHeadersAndGetAMessage() {
        Response notFound = mappers.webApplication(new NotFoundException());
        assertEquals(404, notFound.getStatus());
        assertInstanceOf(MessageResponse.class, notFound.getEntity());

        Response notAllowed = mappers.webApplication(new NotAllowedException("GET"));
        assertEquals(405, notAllowed.getStatus());
        assertTrue(notAllowed.getHeaderString(HttpHeaders.ALLOW).contains("GET"));
    }

    @Test
    void anUnexpectedFailureIs500WithoutItsDetails() {
        Exception failure = new IllegalStateException("insert into alert values (...) failed",
                new SQLException("ERROR: relation \"alert\" does not exist"));
        Response response = mappers.unexpected(failure);
        assertEquals(500, response.getStatus());
        String message = assertInstanceOf(MessageResponse.class, response.getEntity()).message();
        assertTrue(message.startsWith("Internal error, reference "), message);
        assertFalse(message.contains("alert"), message);
    }
}
