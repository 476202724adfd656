package io.chokepoint.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/**
 * Turns failures into the contract's answers: 400 {@code {"errors":[{"field","message"}]}} for bad input,
 * {@code {"message"}} for the rest. Never a stack trace or SQL: an unexpected failure is logged with a reference
 * and answered 500 with that reference only.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return json(Response.Status.BAD_REQUEST.getStatusCode(), new ErrorResponse(e.errors()));
    }

    @ServerExceptionMapper
    public Response unknownId(UnknownIdException e) {
        return json(Response.Status.NOT_FOUND.getStatusCode(), new MessageResponse(e.getMessage()));
    }

    /** JSON of the wrong shape or type (a string where a number belongs): Quarkus REST rethrows it as is. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return badJson(e);
    }

    /**
     * Quarkus REST wraps malformed JSON in a 400 WebApplicationException; the others keep their status and
     * headers (405 and its Allow header, say) and get a message body if they have none.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonErrors.isBadInput(json) ? badJson(json) : unexpected(e);
        }
        Response response = e.getResponse();
        if (response.hasEntity()) {
            return response;
        }
        return Response.fromResponse(response).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new MessageResponse(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure answered 500, reference %s", reference);
        return json(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(),
                new MessageResponse("Internal error, reference " + reference));
    }

    private static Response badJson(JsonProcessingException e) {
        return json(Response.Status.BAD_REQUEST.getStatusCode(), new ErrorResponse(List.of(JsonErrors.of(e))));
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
