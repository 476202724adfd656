package io.chokepoint.alerting.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Maps failures to the error body of the contract, never a stack trace. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return json(Response.Status.BAD_REQUEST, ErrorResponse.of(e.errors()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return json(Response.Status.BAD_REQUEST, ErrorResponse.of(List.of(
                new FieldError("body", "Malformed JSON: " + e.getOriginalMessage()))));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(Response.Status.NOT_FOUND, ErrorResponse.message(e.getMessage()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        return json(e.getResponse().getStatus(), ErrorResponse.message(e.getMessage()));
    }

    private static Response json(Response.Status status, ErrorResponse body) {
        return json(status.getStatusCode(), body);
    }

    private static Response json(int status, ErrorResponse body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
