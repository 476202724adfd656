package io.chokepoint.registry.audit;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeRoutesTest {

    @Test
    void recognisesEveryListChangeByMethodAndPath() {
        assertEquals(target(ChangeAction.CREATE, null), ChangeRoutes.classify("POST", "/api/v1/entities"));
        assertEquals(target(ChangeAction.CREATE, null), ChangeRoutes.classify("POST", "/api/v1/entities/"));
        assertEquals(target(ChangeAction.CHANGE, "abc"), ChangeRoutes.classify("PUT", "/api/v1/entities/abc"));
        assertEquals(target(ChangeAction.DELIST, "abc"), ChangeRoutes.classify("DELETE", "/api/v1/entities/abc/"));
        assertEquals(target(ChangeAction.IMPORT, null), ChangeRoutes.classify("POST", "/api/v1/imports"));
    }

    @Test
    void leavesReadsAndOtherPathsAlone() {
        assertEquals(Optional.empty(), ChangeRoutes.classify("GET", "/api/v1/entities"));
        assertEquals(Optional.empty(), ChangeRoutes.classify("GET", "/api/v1/entities/abc"));
        assertEquals(Optional.empty(), ChangeRoutes.classify("POST", "/api/v1/entities/abc"));
        assertEquals(Optional.empty(), ChangeRoutes.classify("PUT", "/api/v1/entities/abc/aliases"));
        assertEquals(Optional.empty(), ChangeRoutes.classify("POST", "/api/v1/screen"));
        assertEquals(Optional.empty(), ChangeRoutes.classify("POST", "/api/v1/importsx"));
        assertEquals(Optional.empty(), ChangeRoutes.classify(null, null));
    }

    private static Optional<ChangeRoutes.Target> target(ChangeAction action, String entityId) {
        return Optional.of(new ChangeRoutes.Target(action, entityId));
    }
}
