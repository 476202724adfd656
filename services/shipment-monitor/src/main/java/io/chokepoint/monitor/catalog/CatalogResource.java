package io.chokepoint.monitor.catalog;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The catalog in force, with its version, entries and sources. */
@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    ControlledGoodsCatalog catalog;

    @GET
    public CatalogDocument catalog() {
        return catalog.document();
    }
}
