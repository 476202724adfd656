package io.chokepoint.alerting.security;

import io.chokepoint.testing.SecuredEndpoints;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static java.util.stream.Collectors.toMap;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A build check on the compiled service: every endpoint says who may call it, and the roles it names are the
 * designed ones. An endpoint added without a security annotation, or with other roles, fails here.
 */
class EndpointSecurityTest {

    private static final Set<String> OFFICER = Set.of("officer");

    /** The designed roles of every route: all of the alerting API is the officers'. */
    private static final Map<String, Set<String>> DESIGNED = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/v1/alerts", OFFICER),
            Map.entry("GET /api/v1/alerts/{id}", OFFICER),
            Map.entry("GET /api/v1/alerts/stream", OFFICER),
            Map.entry("POST /api/v1/alerts/{id}/transitions", OFFICER),
            Map.entry("PUT /api/v1/alerts/{id}/assignee", OFFICER),
            Map.entry("POST /api/v1/alerts/{id}/notes", OFFICER),
            Map.entry("DELETE /api/v1/alerts/{id}/suppression", OFFICER),
            Map.entry("GET /api/v1/audit/transitions", OFFICER),
            Map.entry("POST /api/v1/subscriptions", OFFICER),
            Map.entry("GET /api/v1/subscriptions", OFFICER),
            Map.entry("GET /api/v1/subscriptions/{id}", OFFICER),
            Map.entry("DELETE /api/v1/subscriptions/{id}", OFFICER),
            Map.entry("GET /api/v1/subscriptions/{id}/deliveries", OFFICER),
            Map.entry("GET /api/v1/subscriptions/{id}/deliveries/{deliveryId}", OFFICER),
            Map.entry("POST /api/v1/subscriptions/{id}/deliveries/{deliveryId}/resend", OFFICER),
            Map.entry("POST /api/v1/subscriptions/{id}/deliveries/resend-parked", OFFICER)));

    @Test
    void everyEndpointNamesWhoMayCallIt() {
        assertEquals(List.of(), SecuredEndpoints.unsecured(endpoints()));
    }

    @Test
    void everyRouteAdmitsTheDesignedRoles() {
        Map<String, Set<String>> annotated = endpoints().stream().collect(toMap(SecuredEndpoints.Endpoint::route,
                SecuredEndpoints.Endpoint::roles, (a, b) -> {
                    throw new IllegalStateException("a route declared twice: " + a + ", " + b);
                }, TreeMap::new));
        assertEquals(DESIGNED, annotated);
    }

    /** The endpoints of the service as compiled (this module's target/classes). */
    static List<SecuredEndpoints.Endpoint> endpoints() {
        return SecuredEndpoints.in(Path.of("target", "classes"));
    }
}
