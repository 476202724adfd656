package io.chokepoint.alerting.subscriptions;

import io.chokepoint.alerting.support.Actors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

/** Teams' subscriptions to alerts. */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final Subscriptions subscriptions;

    public SubscriptionResource(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** 201 with the subscription (without its secret) and its Location. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<SubscriptionView> create(SubscriptionRequest request,
                                                 @HeaderParam(Actors.HEADER) String actor) {
        SubscriptionView created = subscriptions.create(request, Actors.of(actor));
        return RestResponse.ResponseBuilder.<SubscriptionView>created(
                URI.create("/api/v1/subscriptions/" + created.id())).entity(created).build();
    }

    /** Every subscription not deleted, oldest first; {@code team} narrows to one team's. */
    @GET
    public List<SubscriptionView> list(@QueryParam("team") String team) {
        return subscriptions.list(team);
    }

    @GET
    @Path("/{id}")
    public SubscriptionView get(@PathParam("id") String id) {
        return subscriptions.get(id);
    }

    /** 204; its pending webhook deliveries are cancelled. */
    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("id") String id, @HeaderParam(Actors.HEADER) String actor) {
        subscriptions.delete(id, Actors.of(actor));
    }
}
