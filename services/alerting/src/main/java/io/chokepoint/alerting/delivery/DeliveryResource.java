package io.chokepoint.alerting.delivery;

import io.chokepoint.platform.security.Caller;
import io.chokepoint.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * What was sent to a webhook subscription, every attempt, and resending what was parked. A resend is counted once
 * its transaction (in {@link Deliveries}) has committed. Only the caller's team's subscriptions are found
 * ({@link io.chokepoint.alerting.subscriptions.TeamScope}).
 */
@Path("/api/v1/subscriptions/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
public class DeliveryResource {

    private final Deliveries deliveries;
    private final WebhookDispatcher dispatcher;
    private final WebhookMetrics metrics;
    private final Caller caller;

    public DeliveryResource(Deliveries deliveries, WebhookDispatcher dispatcher, WebhookMetrics metrics,
                            Caller caller) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.caller = caller;
    }

    @GET
    public DeliveryView.Page list(@PathParam("id") String id, @QueryParam("status") String status,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return deliveries.page(id, status, page, size);
    }

    @GET
    @Path("/{deliveryId}")
    public DeliveryView get(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return deliveries.get(id, deliveryId);
    }

    /** A PARKED delivery goes back to the head of the queue (409 for any other status). */
    @POST
    @Path("/{deliveryId}/resend")
    public DeliveryView resend(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        DeliveryView resent = deliveries.resend(id, deliveryId, caller.name());
        metrics.resent(1);
        dispatcher.requestRound();
        return resent;
    }

    /** Every PARKED delivery of the subscription goes back in the queue: {@code {"resent": n}}. */
    @POST
    @Path("/resend-parked")
    public Map<String, Integer> resendParked(@PathParam("id") String id) {
        int resent = deliveries.resendParked(id, caller.name());
        metrics.resent(resent);
        dispatcher.requestRound();
        return Map.of("resent", resent);
    }
}
