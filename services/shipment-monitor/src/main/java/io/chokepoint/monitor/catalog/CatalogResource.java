package io.chokepoint.monitor.catalog;

import io.chokepoint.platform.security.Roles;
import io.chokepoint.platform.web.ErrorResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The catalog in force, with its version, entries and sources; and its replacement without a rebuild. */
@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    /** 422: the catalog file is readable by HTTP's standards but cannot be used; the request itself was fine. */
    static final int UNUSABLE_CATALOG = 422;

    /** The catalog document, and where and when it was loaded. */
    public record CatalogView(String version, String description, List<String> sources,
                              Map<String, String> equivalentTerms, List<String> distinctTerms,
                              List<CatalogEntry> entries, String location, String sha256, Instant loadedAt) {

        static CatalogView of(LoadedCatalog loaded) {
            CatalogDocument document = loaded.catalog().document();
            return new CatalogView(document.version(), document.description(), document.sources(),
                    document.equivalentTerms(), document.distinctTerms(), document.entries(), loaded.location(),
                    loaded.sha256(), loaded.loadedAt());
        }
    }

    @Inject
    CatalogRegistry registry;

    /** Reference data, nothing personal: every role may read what is controlled. */
    @GET
    @RolesAllowed({Roles.PARTNER, Roles.OFFICER, Roles.REGISTRY_ADMIN, Roles.OPERATOR})
    public CatalogView catalog() {
        return CatalogView.of(registry.current());
    }

    /**
     * Reads the configured catalog location again. 200 with what happened (a new version, or unchanged); 422 with
     * every problem when the new catalog cannot be used, in which case the current one stays in force.
     */
    @POST
    @Path("reload")
    @RolesAllowed(Roles.OPERATOR)
    public Response reload() {
        try {
            return Response.ok(registry.reload()).build();
        } catch (InvalidCatalogException e) {
            return Response.status(UNUSABLE_CATALOG).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse(e.problems())).build();
        }
    }
}
