package io.chokepoint.alerting.delivery;

import io.chokepoint.platform.web.MessageResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 409 {@code {"message"}} for a resend that does not apply. */
public class DeliveryErrors {

    @ServerExceptionMapper
    public Response conflict(DeliveryConflictException e) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new MessageResponse(e.getMessage())).build();
    }
}
