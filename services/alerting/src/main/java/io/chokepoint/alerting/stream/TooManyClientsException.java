package io.chokepoint.alerting.stream;

import io.chokepoint.platform.web.MessageResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** 503 when this instance already serves as many stream clients as it may; the client retries later. */
public class TooManyClientsException extends WebApplicationException {

    public TooManyClientsException(int max) {
        super(Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", "10")
                .entity(new MessageResponse("The stream serves at most " + max + " clients per instance; "
                        + "try again later")).build());
    }
}
