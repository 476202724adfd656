package io.chokepoint.alerting.lifecycle;

import io.chokepoint.alerting.alerts.Alert;
import io.chokepoint.alerting.alerts.AlertDetail;
import io.chokepoint.alerting.alerts.AlertDetails;
import io.chokepoint.alerting.support.Actors;
import io.chokepoint.platform.web.InvalidRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Officers' changes to an alert. Each answers the alert as it now stands with its new version as the ETag;
 * {@code If-Match} with an older version is refused (412), a move the state machine does not allow too (409).
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LifecycleResource {

    private final AlertLifecycle lifecycle;
    private final AlertDetails details;
    private final TransitionMetrics metrics;

    public LifecycleResource(AlertLifecycle lifecycle, AlertDetails details, TransitionMetrics metrics) {
        this.lifecycle = lifecycle;
        this.details = details;
        this.metrics = metrics;
    }

    /** Counted once the move has committed (the lifecycle's transaction ends before it returns), or refused. */
    @POST
    @Path("/{id}/transitions")
    public RestResponse<AlertDetail> transition(@PathParam("id") String id, TransitionRequest request,
                                                @HeaderParam(Actors.HEADER) String actor,
                                                @HeaderParam(ExpectedVersion.HEADER) String ifMatch) {
        Alert moved;
        try {
            moved = lifecycle.transition(id, request, Actors.of(actor), ExpectedVersion.parse(ifMatch));
        } catch (InvalidRequestException | LifecycleException refusal) {
            metrics.refused(request);
            throw refusal;
        }
        metrics.applied(moved.status);
        return details.answer(moved);
    }

    @PUT
    @Path("/{id}/assignee")
    public RestResponse<AlertDetail> assign(@PathParam("id") String id, AssignmentRequest request,
                                            @HeaderParam(Actors.HEADER) String actor,
                                            @HeaderParam(ExpectedVersion.HEADER) String ifMatch) {
        return details.answer(lifecycle.assign(id, request, Actors.of(actor), ExpectedVersion.parse(ifMatch)));
    }

    @POST
    @Path("/{id}/notes")
    public RestResponse<AlertDetail> addNote(@PathParam("id") String id, NoteRequest request,
                                             @HeaderParam(Actors.HEADER) String actor,
                                             @HeaderParam(ExpectedVersion.HEADER) String ifMatch) {
        return details.answer(lifecycle.addNote(id, request, Actors.of(actor), ExpectedVersion.parse(ifMatch)));
    }

    /** Lifts the false-positive suppression of a dismissed alert, which stays dismissed; 404 if none stands. */
    @DELETE
    @Path("/{id}/suppression")
    public RestResponse<AlertDetail> liftSuppression(@PathParam("id") String id, @QueryParam("reason") String reason,
                                                     @HeaderParam(Actors.HEADER) String actor,
                                                     @HeaderParam(ExpectedVersion.HEADER) String ifMatch) {
        return details.answer(lifecycle.liftSuppression(id, reason, Actors.of(actor),
                ExpectedVersion.parse(ifMatch)));
    }
}
