package io.chokepoint.alerting.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.alerts.Alert;
import io.chokepoint.alerting.alerts.AlertDetail;
import io.chokepoint.alerting.alerts.AlertDetails;
import io.chokepoint.alerting.audit.RemoteAddress;
import io.chokepoint.alerting.audit.TransitionAttempt;
import io.chokepoint.alerting.audit.TransitionAudit;
import io.chokepoint.platform.security.Caller;
import io.chokepoint.platform.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Officers' changes to an alert. Each answers the alert as it now stands with its new version as the ETag;
 * {@code If-Match} with an older version is refused (412), a move the state machine does not allow too (409).
 * The actor of every change, in the history and the audit, is the caller's token principal.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
public class LifecycleResource {

    private final AlertLifecycle lifecycle;
    private final AlertDetails details;
    private final TransitionMetrics metrics;
    private final TransitionAudit audit;
    private final ObjectMapper mapper;
    private final Caller caller;

    public LifecycleResource(AlertLifecycle lifecycle, AlertDetails details, TransitionMetrics metrics,
                             TransitionAudit audit, ObjectMapper mapper, Caller caller) {
        this.lifecycle = lifecycle;
        this.details = details;
        this.metrics = metrics;
        this.audit = audit;
        this.mapper = mapper;
        this.caller = caller;
    }

    /**
     * Every request is audited: an applied move in its own transaction, a refused or failed one afterwards in a
     * new one. Counted once the move has committed (the lifecycle's transaction ends before it returns), or
     * refused; a body that is not JSON is audited but not counted.
     */
    @POST
    @Path("/{id}/transitions")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TransitionRequest.class)))
    public RestResponse<AlertDetail> transition(@PathParam("id") String id, String body,
                                                @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
                                                @Context HttpServerRequest http) {
        String actor = caller.name();
        TransitionAttempt attempt = TransitionAttempt.received(id, actor, ifMatch, RemoteAddress.of(http));
        TransitionRequest request = null;
        boolean read = false;
        Alert moved;
        try {
            request = TransitionRequest.read(mapper, body);
            read = true;
            attempt = request == null ? attempt : attempt.asking(request.status(), request.reasonCode());
            moved = lifecycle.transition(id, request, actor, ExpectedVersion.parse(ifMatch), attempt);
        } catch (RuntimeException failure) {
            if (read && TransitionRefusal.isCounted(failure)) {
                metrics.refused(request);
            }
            TransitionRefusal refusal = TransitionRefusal.of(failure);
            audit.refused(attempt, refusal.outcome(), refusal.httpStatus(), refusal.message());
            throw failure;
        }
        metrics.applied(moved.status);
        return details.answer(moved);
    }

    @PUT
    @Path("/{id}/assignee")
    public RestResponse<AlertDetail> assign(@PathParam("id") String id, AssignmentRequest request,
                                            @HeaderParam(ExpectedVersion.HEADER) String ifMatch) {
        return details.answer(lifecycle.assign(id, request, caller.name(), ExpectedVersion.parse(ifMatch)));
    }

    @POST
    @Path("/{id}/notes")
    public RestResponse<AlertDetail> addNote(@PathParam("id") String id, NoteRequest request,
                                             @HeaderParam(ExpectedVersion.HEADER) String ifMatch) {
        return details.answer(lifecycle.addNote(id, request, caller.name(), ExpectedVersion.parse(ifMatch)));
    }

    /** Lifts the false-positive suppression of a dismissed alert, which stays dismissed; 404 if none stands. */
    @DELETE
    @Path("/{id}/suppression")
    public RestResponse<AlertDetail> liftSuppression(@PathParam("id") String id, @QueryParam("reason") String reason,
                                                     @HeaderParam(ExpectedVersion.HEADER) String ifMatch) {
        return details.answer(lifecycle.liftSuppression(id, reason, caller.name(), ExpectedVersion.parse(ifMatch)));
    }
}
