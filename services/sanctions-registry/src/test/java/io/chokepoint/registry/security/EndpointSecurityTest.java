package io.chokepoint.registry.security;

import io.chokepoint.platform.security.Roles;
import io.chokepoint.testing.SecuredEndpoints;
import io.chokepoint.testing.SecuredEndpoints.Endpoint;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A build check on the compiled endpoints, without starting the service: every endpoint names who may call it, and
 * the roles it names are the designed ones. A new endpoint fails here until it is secured and entered below.
 */
class EndpointSecurityTest {

    private static final Set<String> ADMIN = Set.of(Roles.REGISTRY_ADMIN);
    private static final Set<String> ADMIN_OFFICER = Set.of(Roles.REGISTRY_ADMIN, Roles.OFFICER);
    private static final Set<String> ADMIN_OFFICER_OPERATOR =
            Set.of(Roles.REGISTRY_ADMIN, Roles.OFFICER, Roles.OPERATOR);

    /** The designed roles of every route (issue 7): changes and the audit for the keepers of the lists only. */
    static final Map<String, Set<String>> DESIGNED = Map.ofEntries(
            Map.entry("POST /api/v1/screen", ADMIN_OFFICER),
            Map.entry("POST /api/v1/screen/batch", ADMIN_OFFICER),
            Map.entry("POST /api/v1/imports", ADMIN),
            Map.entry("POST /api/v1/entities", ADMIN),
            Map.entry("GET /api/v1/entities", ADMIN_OFFICER),
            Map.entry("GET /api/v1/entities/{id}", ADMIN_OFFICER),
            Map.entry("PUT /api/v1/entities/{id}", ADMIN),
            Map.entry("DELETE /api/v1/entities/{id}", ADMIN),
            Map.entry("GET /api/v1/lists/versions", ADMIN_OFFICER_OPERATOR),
            Map.entry("GET /api/v1/lists/versions/{id}", ADMIN_OFFICER_OPERATOR),
            Map.entry("GET /api/v1/audit", ADMIN),
            Map.entry("GET /api/v1/audit/requests", ADMIN),
            Map.entry("GET /api/v1/audit/requests/{id}", ADMIN));

    private static final List<Endpoint> ENDPOINTS = SecuredEndpoints.in(Path.of("target", "classes"));

    @Test
    void everyEndpointNamesWhoMayCallIt() {
        assertEquals(List.of(), SecuredEndpoints.unsecured(ENDPOINTS));
    }

    @Test
    void everyEndpointAdmitsExactlyItsDesignedRoles() {
        assertEquals(new TreeSet<>(DESIGNED.keySet()),
                ENDPOINTS.stream().map(Endpoint::route).collect(Collectors.toCollection(TreeSet::new)));
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            Set<String> designed = DESIGNED.get(endpoint.route());
            if (!"RolesAllowed".equals(endpoint.security().orElse(null)) || !endpoint.roles().equals(designed)) {
                wrong.add(endpoint.route() + " (" + endpoint.javaMethod() + "): designed @RolesAllowed " + designed
                        + ", found " + endpoint.security().orElse("nothing") + " " + endpoint.roles());
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** Both methods behind POST /api/v1/imports (multipart, and the 400 for any other body) are checked. */
    @Test
    void findsBothImportMethods() {
        assertEquals(2, ENDPOINTS.stream().filter(e -> e.route().equals("POST /api/v1/imports")).count(),
                ENDPOINTS.toString());
    }
}
