package io.chokepoint.registry.audit;

import io.chokepoint.platform.web.InvalidRequestException;
import io.chokepoint.registry.web.Page;
import io.chokepoint.registry.web.RequestContext;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.UUID;

/** Every change to the lists, newest first. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    RequestContext context;

    @GET
    public Page<AuditEntryView> list(@RestQuery String entityId, @RestQuery Integer page, @RestQuery Integer size) {
        RequestContext.PageRequest request = context.page(page, size);
        Sort newestFirst = Sort.descending("id");
        PanacheQuery<AuditEntry> query = entityId == null || entityId.isBlank()
                ? AuditEntry.findAll(newestFirst)
                : AuditEntry.find("entityId", newestFirst, parse(entityId));
        return new Page<>(query.page(request.page(), request.size()).list().stream().map(AuditEntryView::of).toList(),
                request.page(), request.size(), query.count());
    }

    private static UUID parse(String entityId) {
        try {
            return UUID.fromString(entityId.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("entityId", "must be a UUID, got '" + entityId + "'");
        }
    }
}
