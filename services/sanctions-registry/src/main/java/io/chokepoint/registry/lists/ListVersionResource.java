package io.chokepoint.registry.lists;

import io.chokepoint.platform.security.Roles;
import io.chokepoint.platform.web.UnknownIdException;
import io.chokepoint.registry.web.Page;
import io.chokepoint.registry.web.RequestContext;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
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

/**
 * The versions of the lists, newest first. The status of the lists, nothing personal: operators read it too.
 */
@Path("/api/v1/lists/versions")
@Produces(MediaType.APPLICATION_JSON)
public class ListVersionResource {

    @Inject
    RequestContext context;

    @GET
    @RolesAllowed({Roles.REGISTRY_ADMIN, Roles.OFFICER, Roles.OPERATOR})
    public Page<View> list(@RestQuery String source, @RestQuery Integer page, @RestQuery Integer size) {
        RequestContext.PageRequest request = context.page(page, size);
        Sort newestFirst = Sort.descending("seq");
        PanacheQuery<ListVersion> query = source == null || source.isBlank()
                ? ListVersion.findAll(newestFirst)
                : ListVersion.find("source", newestFirst, source.trim());
        return new Page<>(query.page(request.page(), request.size()).list().stream().map(View::of).toList(),
                request.page(), request.size(), query.count());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.REGISTRY_ADMIN, Roles.OFFICER, Roles.OPERATOR})
    public View get(@RestPath String id) {
        ListVersion version = ListVersion.findById(id);
        if (version == null) {
            throw new UnknownIdException("no list version " + id);
        }
        return View.of(version);
    }

    /** A list version as the API answers it. */
    public record View(String listVersion, long seq, String source, String actor, String description,
                       Instant createdAt, int added, int changed, int removed) {

        static View of(ListVersion v) {
            return new View(v.id, v.seq, v.source, v.actor, v.description, v.createdAt, v.added, v.changed, v.removed);
        }
    }
}
