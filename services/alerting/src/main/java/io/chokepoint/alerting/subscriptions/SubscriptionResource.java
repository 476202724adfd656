package io.chokepoint.alerting.subscriptions;

import io.chokepoint.platform.security.Caller;
import io.chokepoint.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

/** Teams' subscriptions to alerts: an officer sees and manages its own team's ({@link TeamScope}). */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
public class SubscriptionResource {

    private final Subscriptions subscriptions;
    private final TeamScope scope;
    private final Caller caller;

    public SubscriptionResource(Subscriptions subscriptions, TeamScope scope, Caller caller) {
        this.subscriptions = subscriptions;
        this.scope = scope;
        this.caller = caller;
    }

    /** 201 with the subscription (without its secret) and its Location; for the caller's team, 403 for another. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<SubscriptionView> create(SubscriptionRequest request) {
        String team = scope.ownTeam(request == null ? null : request.team());
        SubscriptionView created = subscriptions.create(request, team, caller.name());
        return RestResponse.ResponseBuilder.<SubscriptionView>created(
                URI.create("/api/v1/subscriptions/" + created.id())).entity(created).build();
    }

    /** The caller's team's subscriptions not deleted, oldest first; {@code team} naming another team is 403. */
    @GET
    public List<SubscriptionView> list(@QueryParam("team") String team) {
        return subscriptions.list(scope.ownTeam(team));
    }

    @GET
    @Path("/{id}")
    public SubscriptionView get(@PathParam("id") String id) {
        return subscriptions.view(scope.subscription(id));
    }

    /** 204; its pending webhook deliveries are cancelled. Found and deleted in one transaction. */
    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") String id) {
        subscriptions.delete(scope.subscription(id), caller.name());
    }
}
