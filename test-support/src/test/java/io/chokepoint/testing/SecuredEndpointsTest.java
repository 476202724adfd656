package io.chokepoint.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecuredEndpointsTest {

    @Path("/api/v1/things/")
    @RolesAllowed("officer")
    static class ClassSecured {

        @GET
        public String list() {
            return "";
        }

        @POST
        @Path("{id}/notes")
        @RolesAllowed({"officer", "registry-admin"})
        public String note() {
            return "";
        }

        public String notAnEndpoint() {
            return "";
        }
    }

    @Path("/api/v1/open")
    static class PartlySecured {

        @GET
        @PermitAll
        public String open() {
            return "";
        }

        @DELETE
        @Path("/{id}")
        public void forgotten() {
        }
    }

    @Test
    void anEndpointTakesItsClassAnnotationUnlessItHasItsOwn() {
        List<SecuredEndpoints.Endpoint> endpoints = SecuredEndpoints.of(ClassSecured.class);

        assertEquals(2, endpoints.size(), "only methods with an HTTP method are endpoints");
        SecuredEndpoints.Endpoint list = find(endpoints, "GET /api/v1/things");
        assertEquals(Set.of("officer"), list.roles());
        SecuredEndpoints.Endpoint note = find(endpoints, "POST /api/v1/things/{id}/notes");
        assertEquals(Set.of("officer", "registry-admin"), note.roles());
        assertTrue(SecuredEndpoints.unsecured(endpoints).isEmpty());
    }

    @Test
    void anEndpointWithoutAnyAnnotationIsReported() {
        List<SecuredEndpoints.Endpoint> endpoints = SecuredEndpoints.of(PartlySecured.class);

        assertEquals(List.of("DELETE /api/v1/open/{id}"),
                SecuredEndpoints.unsecured(endpoints).stream().map(SecuredEndpoints.Endpoint::route).toList());
        assertEquals("PermitAll", find(endpoints, "GET /api/v1/open").security().orElseThrow());
    }

    @Test
    void theCompiledClassesOfAModuleAreScanned() {
        List<SecuredEndpoints.Endpoint> endpoints = SecuredEndpoints.in(java.nio.file.Path.of("target", "test-classes"));

        assertTrue(endpoints.stream().anyMatch(e -> e.route().equals("DELETE /api/v1/open/{id}")), endpoints.toString());
        assertTrue(endpoints.stream().anyMatch(e -> e.route().equals("GET /api/v1/things")), endpoints.toString());
    }

    private static SecuredEndpoints.Endpoint find(List<SecuredEndpoints.Endpoint> endpoints, String route) {
        return endpoints.stream().filter(e -> e.route().equals(route)).findFirst()
                .orElseThrow(() -> new AssertionError(route + " not among " + endpoints));
    }
}
