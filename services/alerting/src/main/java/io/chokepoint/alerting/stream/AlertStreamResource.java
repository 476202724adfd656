package io.chokepoint.alerting.stream;

import io.chokepoint.alerting.alerts.AlertCriteria;
import io.chokepoint.alerting.alerts.SequencedAlert;
import io.chokepoint.alerting.subscriptions.Subscriptions;
import io.chokepoint.alerting.subscriptions.TeamScope;
import io.chokepoint.platform.security.Roles;
import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Alerts and their changes as Server-Sent Events. {@code id} is the stream position of the change (a raise's is
 * the alert's sequence); {@code event} is {@code alert} for an alert raised since the client's cursor and
 * {@code alert-updated} for a later change (new evidence, a status change, an assignment, a note) to an alert
 * raised before it; {@code data} is the alert in the {@code alerts.raised} shape, as it stands when sent, plus its
 * {@code version}, {@code updatedAt} and {@code assignee}. A client reconnecting with {@code Last-Event-ID}
 * (as an EventSource does; the console, which must send a bearer token, reads the stream with fetch and does the
 * same) first gets every matching change after that id, then live ones, none missed and none twice; an alert
 * that changed several times meanwhile comes once, as it now stands. Without it, changes from now on. Comment
 * lines keep idle connections open. Officers only; a subscription selecting the stream must be of the caller's
 * team.
 */
@Path("/api/v1/alerts/stream")
@RolesAllowed(Roles.OFFICER)
public class AlertStreamResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final AlertStreamHub hub;
    private final Subscriptions subscriptions;
    private final TeamScope scope;

    public AlertStreamResource(AlertStreamHub hub, Subscriptions subscriptions, TeamScope scope) {
        this.hub = hub;
        this.subscriptions = subscriptions;
        this.scope = scope;
    }

    /**
     * @param lastEventIdParam the same as the header, for clients that cannot set one on their first connection
     * @param subscriptionId   use a subscription's filter (with any criteria given here on top): one of the caller's
     *                         team's, another team's is unknown (404)
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse,
                       @HeaderParam(LAST_EVENT_ID) String lastEventId,
                       @QueryParam("lastEventId") String lastEventIdParam,
                       @QueryParam("type") List<String> types,
                       @QueryParam("severity") List<String> severities,
                       @QueryParam("minSeverity") String minSeverity,
                       @QueryParam("country") List<String> countries,
                       @QueryParam("program") List<String> programs,
                       @QueryParam("substance") List<String> substances,
                       @QueryParam("reportingAgency") List<String> reportingAgencies,
                       @QueryParam("subscriptionId") String subscriptionId) {
        List<FieldError> errors = new ArrayList<>();
        AlertCriteria criteria = new StreamRequest(types, severities, minSeverity, countries, programs, substances,
                reportingAgencies).criteria(errors);
        Long resumeAfter = lastEventId(errors, lastEventId != null ? lastEventId : lastEventIdParam);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Predicate<SequencedAlert> filter = criteria::matches;
        if (subscriptionId != null && !subscriptionId.isBlank()) {
            AlertCriteria saved = subscriptions.criteriaOf(scope.subscription(subscriptionId.trim()));
            filter = filter.and(saved::matches);
        }
        hub.connect(sink, sse, filter, resumeAfter);
    }

    private static Long lastEventId(List<FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(LAST_EVENT_ID, "must be the id of an event of this stream (a number)"));
        return null;
    }
}
