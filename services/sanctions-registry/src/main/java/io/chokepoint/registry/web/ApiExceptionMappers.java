package io.chokepoint.registry.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Collection;
import java.util.List;

/** Turns exceptions into the contract's answers: never a stack trace, always a body that says what is wrong. */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return json(Response.Status.BAD_REQUEST, new ErrorResponse(e.errors()));
    }

    @ServerExceptionMapper
    public Response unknownId(UnknownIdException e) {
        return json(Response.Status.NOT_FOUND, new MessageResponse(e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return json(Response.Status.CONFLICT, new MessageResponse(e.getMessage()));
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e) {
        return json(Response.Status.CONFLICT, new MessageResponse("changed by another request meanwhile; read it again and retry"));
    }

    /** JSON of the wrong shape: Quarkus REST rethrows this one as is. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadable(e);
    }

    /** Quarkus REST wraps malformed JSON in a 400 WebApplicationException; other ones keep their answer. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        return e.getResponse();
    }

    private static Response unreadable(JsonProcessingException e) {
        return json(Response.Status.BAD_REQUEST, new ErrorResponse(List.of(describe(e))));
    }

    static FieldError describe(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return new FieldError("body", "is not well-formed JSON: " + e.getOriginalMessage());
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        if (field.isEmpty()) {
            field = "body";
        }
        if (e instanceof InvalidFormatException invalid) {
            return new FieldError(field, "has an invalid value '" + invalid.getValue() + "'");
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new FieldError(field, "must be " + describe(mismatched.getTargetType()));
        }
        return new FieldError(field, "cannot be read: " + e.getOriginalMessage());
    }

    private static String describe(Class<?> type) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static Response json(Response.Status status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
