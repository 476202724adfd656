package io.chokepoint.alerting.audit;

import io.chokepoint.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The record of officers' requests to move alerts, applied or refused. */
@Path("/api/v1/audit/transitions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
public class AuditResource {

    private final TransitionAudit audit;
    private final AuditConfig config;

    public AuditResource(TransitionAudit audit, AuditConfig config) {
        this.audit = audit;
        this.config = config;
    }

    /** Newest first; {@code alertId} and {@code actor} exactly as recorded, {@code since} an ISO-8601 instant. */
    @GET
    public AuditPage search(@QueryParam("alertId") String alertId, @QueryParam("actor") String actor,
                            @QueryParam("outcome") String outcome, @QueryParam("since") String since,
                            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return audit.search(AuditFilter.parse(new AuditFilter.Params(alertId, actor, outcome, since, page, size),
                config));
    }
}
