package io.chokepoint.registry;

import io.chokepoint.local.tokens.AccessToken;
import io.chokepoint.platform.security.Roles;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.TestTokens;

/**
 * Keepers of the lists with a name of their own: the audit tables are shared by every test of the module, so a test
 * that signs its requests as a fresh principal finds exactly its own records by actor.
 */
public final class RegistryAdmins {

    private RegistryAdmins() {
    }

    /** A registry-admin token whose principal (upn and sub) is {@code name}. */
    public static String token(String name) {
        return TestTokens.sign(AccessToken.of(name, Roles.REGISTRY_ADMIN));
    }

    /** The Authorization header of {@link #token(String)}, replacing a test class's default caller. */
    public static String bearer(String name) {
        return Callers.bearer(token(name));
    }
}
