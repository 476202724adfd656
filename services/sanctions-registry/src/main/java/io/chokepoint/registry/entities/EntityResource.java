package io.chokepoint.registry.entities;

import io.chokepoint.platform.security.Roles;
import io.chokepoint.registry.audit.ChangeRequest;
import io.chokepoint.registry.audit.ChangeRequests;
import io.chokepoint.registry.web.Page;
import io.chokepoint.registry.web.Problems;
import io.chokepoint.registry.web.RequestContext;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Manual entries and delisting. Only the registry-admin role changes the lists (the actor of each change is the
 * token's principal); officers read entities to follow up their alerts.
 */
@Path("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EntityResource {

    @Inject
    EntityService entities;
    @Inject
    RequestContext context;
    @Inject
    ChangeRequests changeRequests;
    @Inject
    EntityLimits limits;

    @POST
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    public RestResponse<EntityView> create(EntityRequest request) {
        ChangeRequest change = changeRequests.current();
        EntityView created = entities.create(EntityRequestValidator.validate(request, limits), change);
        return RestResponse.ResponseBuilder.<EntityView>created(URI.create("/api/v1/entities/" + created.entityId()))
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.REGISTRY_ADMIN, Roles.OFFICER})
    public Page<EntityView> list(@RestQuery String source, @RestQuery String status, @RestQuery String name,
                                 @RestQuery Integer page, @RestQuery Integer size) {
        RequestContext.PageRequest request = context.page(page, size);
        Problems problems = new Problems();
        EntityStatus wanted = problems.parseEnum("status", status, EntityStatus.class, false);
        problems.throwIfAny();
        PanacheQuery<SanctionedEntity> query = filter(source, wanted, name);
        List<EntityView> items = query.page(request.page(), request.size()).list().stream().map(EntityView::of).toList();
        return new Page<>(items, request.page(), request.size(), query.count());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.REGISTRY_ADMIN, Roles.OFFICER})
    public EntityView get(@RestPath String id) {
        return entities.get(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    public EntityView update(@RestPath String id, EntityRequest request) {
        ChangeRequest change = changeRequests.current();
        return entities.update(id, EntityRequestValidator.validate(request, limits), change);
    }

    /** Delisting, never a physical delete: the entity stays readable with status DELISTED. */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.REGISTRY_ADMIN)
    public EntityView delist(@RestPath String id) {
        ChangeRequest change = changeRequests.current();
        return entities.delist(id, change);
    }

    private static PanacheQuery<SanctionedEntity> filter(String source, EntityStatus status, String name) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (source != null && !source.isBlank()) {
            conditions.add("source = :source");
            parameters.and("source", source.trim());
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        if (name != null && !name.isBlank()) {
            conditions.add("lower(name) like :name escape '\\'");
            parameters.and("name", "%" + escapeLike(name.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        Sort sort = Sort.ascending("name", "id");
        return conditions.isEmpty()
                ? SanctionedEntity.findAll(sort)
                : SanctionedEntity.find(String.join(" and ", conditions), sort, parameters);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
