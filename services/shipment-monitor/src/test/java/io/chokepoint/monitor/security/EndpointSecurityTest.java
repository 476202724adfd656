package io.chokepoint.monitor.security;

import io.chokepoint.testing.SecuredEndpoints;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A build check on the compiled resources: every endpoint says who may call it, and the roles it names are the
 * designed ones. A new endpoint, or a changed annotation, fails here until the table below says the same.
 */
class EndpointSecurityTest {

    static final Path CLASSES = Path.of("target", "classes");

    /** The designed roles of every route. */
    static final Map<String, Set<String>> DESIGNED = Map.of(
            "POST /api/v1/shipments", Set.of("partner"),
            "POST /api/v1/shipments/batch", Set.of("partner"),
            "GET /api/v1/shipments", Set.of("partner", "officer"),
            "GET /api/v1/shipments/{id}", Set.of("partner", "officer"),
            "GET /api/v1/catalog", Set.of("partner", "officer", "registry-admin", "operator"),
            "POST /api/v1/catalog/reload", Set.of("operator"));

    @Test
    void everyEndpointNamesWhoMayCallIt() {
        assertEquals(List.of(), SecuredEndpoints.unsecured(SecuredEndpoints.in(CLASSES)));
    }

    @Test
    void everyRouteAdmitsTheDesignedRoles() {
        Map<String, Set<String>> annotated = new TreeMap<>();
        for (SecuredEndpoints.Endpoint endpoint : SecuredEndpoints.in(CLASSES)) {
            annotated.put(endpoint.route(), endpoint.roles());
        }
        assertEquals(new TreeMap<>(DESIGNED), annotated);
    }
}
