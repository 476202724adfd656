package io.chokepoint.registry.audit;

import io.chokepoint.platform.security.Roles;
import io.chokepoint.platform.web.UnknownIdException;
import io.chokepoint.registry.web.Page;
import io.chokepoint.registry.web.Problems;
import io.chokepoint.registry.web.RequestContext;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit of the lists, newest first: every entity change, and every request to change the lists with its outcome.
 * For the registry-admin role only.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    RequestContext context;

    /** Entity changes, optionally of one entity or of one request. */
    @GET
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    public Page<AuditEntryView> list(@RestQuery String entityId, @RestQuery String requestId,
                                     @RestQuery Integer page, @RestQuery Integer size) {
        RequestContext.PageRequest request = context.page(page, size);
        Problems problems = new Problems();
        Filter filter = new Filter();
        filter.add("entityId", uuid(problems, "entityId", entityId));
        filter.add("requestId", uuid(problems, "requestId", requestId));
        problems.throwIfAny();
        Sort newestFirst = Sort.descending("id");
        PanacheQuery<AuditEntry> query = filter.isEmpty()
                ? AuditEntry.findAll(newestFirst)
                : AuditEntry.find(filter.query(), newestFirst, filter.parameters);
        return new Page<>(query.page(request.page(), request.size()).list().stream().map(AuditEntryView::of).toList(),
                request.page(), request.size(), query.count());
    }

    /**
     * Requests to change the lists, applied or not.
     *
     * @param since ISO-8601 instant ({@code 2026-11-28T10:00:00Z}) or UTC date: requests received from then on
     */
    @GET
    @Path("requests")
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    public Page<ChangeRequestView> requests(@RestQuery String actor, @RestQuery String outcome,
                                            @RestQuery String action, @RestQuery String since,
                                            @RestQuery Integer page, @RestQuery Integer size) {
        RequestContext.PageRequest request = context.page(page, size);
        Problems problems = new Problems();
        Filter filter = new Filter();
        filter.add("actor", actor == null || actor.isBlank() ? null : actor.trim());
        filter.add("outcome", problems.parseEnum("outcome", outcome, ChangeOutcome.class, false));
        filter.add("action", problems.parseEnum("action", action, ChangeAction.class, false));
        Instant from = instant(problems, "since", since);
        problems.throwIfAny();
        if (from != null) {
            filter.conditions.add("receivedAt >= :since");
            filter.parameters.and("since", from);
        }
        Sort newestFirst = Sort.descending("seq");
        PanacheQuery<ChangeRequestEntry> query = filter.isEmpty()
                ? ChangeRequestEntry.findAll(newestFirst)
                : ChangeRequestEntry.find(filter.query(), newestFirst, filter.parameters);
        return new Page<>(query.page(request.page(), request.size()).list().stream().map(ChangeRequestView::of)
                .toList(), request.page(), request.size(), query.count());
    }

    /** One request; its entity changes are {@code GET /api/v1/audit?requestId=}. */
    @GET
    @Path("requests/{id}")
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    public ChangeRequestView request(@RestPath String id) {
        ChangeRequestEntry entry = null;
        try {
            entry = ChangeRequestEntry.findById(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            // not a UUID: no such request
        }
        if (entry == null) {
            throw new UnknownIdException("no change request " + id);
        }
        return ChangeRequestView.of(entry);
    }

    private static UUID uuid(Problems problems, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            problems.add(field, "must be a UUID, got '" + value + "'");
            return null;
        }
    }

    private static Instant instant(Problems problems, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(field, "must be an ISO-8601 instant (2026-11-28T10:00:00Z) or date (2026-11-28), got '"
                    + value + "'");
            return null;
        }
    }

    /** Equality conditions on the fields that a request names, joined with "and". */
    private static final class Filter {
        final List<String> conditions = new ArrayList<>();
        final Parameters parameters = new Parameters();

        void add(String field, Object value) {
            if (value != null) {
                conditions.add(field + " = :" + field);
                parameters.and(field, value);
            }
        }

        boolean isEmpty() {
            return conditions.isEmpty();
        }

        String query() {
            return String.join(" and ", conditions);
        }
    }
}
