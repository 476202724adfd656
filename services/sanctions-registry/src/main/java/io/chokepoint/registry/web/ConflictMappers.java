package io.chokepoint.registry.web;

import io.chokepoint.platform.web.MessageResponse;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The registry's 409 answers, {@code {"message"}}. Bad input, unknown ids and unexpected failures are answered by
 * the platform's {@code io.chokepoint.platform.web.ErrorMappers}.
 */
public class ConflictMappers {

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return conflict(e.getMessage());
    }

    /** Another request changed the entity between this one's read and its write (its revision moved on). */
    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e) {
        return conflict("changed by another request meanwhile; read it again and retry");
    }

    private static Response conflict(String message) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new MessageResponse(message)).build();
    }
}
