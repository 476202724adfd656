package io.chokepoint.alerting.alerts;

import io.chokepoint.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Map;

/** Searching and reading alerts. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
public class AlertResource {

    private final AlertViews views;
    private final AlertsApiConfig config;
    private final AlertDetails details;

    public AlertResource(AlertViews views, AlertsApiConfig config, AlertDetails details) {
        this.views = views;
        this.config = config;
        this.details = details;
    }

    @GET
    public AlertPage search(@QueryParam("shipmentId") String shipmentId,
                            @QueryParam("declarationId") String declarationId,
                            @QueryParam("reportingAgency") String reportingAgency,
                            @QueryParam("type") String type,
                            @QueryParam("status") String status,
                            @QueryParam("severity") String severity,
                            @QueryParam("since") String since,
                            @QueryParam("page") Integer page,
                            @QueryParam("size") Integer size) {
        AlertFilter filter = AlertFilter.parse(new AlertFilter.Params(shipmentId, declarationId, reportingAgency,
                type, status, severity, since, page, size), config);
        Map.Entry<String, Map<String, Object>> query = filter.toQuery();
        PanacheQuery<Alert> alerts = Alert.find(query.getKey(),
                Sort.descending("raisedAt").and("id", Sort.Direction.Descending), query.getValue());
        return new AlertPage(
                alerts.page(Page.of(filter.page(), filter.size())).list().stream().map(views::toSummary).toList(),
                alerts.count(), filter.page(), filter.size());
    }

    /** The alert with its history; the ETag is its version, for {@code If-Match} on a change. */
    @GET
    @Path("/{id}")
    public RestResponse<AlertDetail> get(@PathParam("id") String id) {
        return details.answer(details.find(id));
    }
}
