package io.chokepoint.alerting.lifecycle;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a refused change with its status (409 or 412) and what the client needs to decide what to do. */
public class LifecycleErrors {

    @ServerExceptionMapper
    public Response refused(LifecycleException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.conflict()).build();
    }
}
