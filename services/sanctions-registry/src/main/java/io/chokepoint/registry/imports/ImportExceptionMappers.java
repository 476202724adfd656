package io.chokepoint.registry.imports;

import io.chokepoint.platform.web.ErrorResponse;
import io.chokepoint.platform.web.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** A file over the size limit: 413, in the same shape as a 400, naming the part. */
public class ImportExceptionMappers {

    @ServerExceptionMapper
    public Response tooLarge(FileTooLargeException e) {
        return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(List.of(new FieldError(e.part(), e.getMessage())))).build();
    }
}
