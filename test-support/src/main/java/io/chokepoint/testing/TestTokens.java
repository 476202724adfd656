package io.chokepoint.testing;

import io.chokepoint.local.tokens.AccessToken;
import io.chokepoint.local.tokens.SigningKeys;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Bearer tokens for tests, signed with the module's test key pair ({@code target/test-keys}, made on first use and
 * given to the application by {@link TestKeysResource}), and the tokens every endpoint must refuse.
 */
public final class TestTokens {

    public static final Path KEYS = Path.of("target", "test-keys");
    /** The agency of {@link #partner()}; the team of {@link #officer()}. */
    public static final String AGENCY = "XX-TEST";
    public static final String TEAM = "team-test";

    private static SigningKeys keys;

    private TestTokens() {
    }

    public static synchronized SigningKeys keys() {
        if (keys == null) {
            keys = SigningKeys.inDirectory(KEYS.toAbsolutePath());
        }
        return keys;
    }

    public static String sign(AccessToken token) {
        return token.sign(keys());
    }

    public static String partner(String agency) {
        return sign(AccessToken.of("partner-" + agency.toLowerCase(java.util.Locale.ROOT), "partner").agency(agency));
    }

    public static String partner() {
        return partner(AGENCY);
    }

    public static String officer(String team) {
        return sign(AccessToken.of("officer-" + team, "officer").team(team));
    }

    public static String officer() {
        return officer(TEAM);
    }

    public static String registryAdmin() {
        return sign(AccessToken.of("registry-admin-test", "registry-admin"));
    }

    public static String operator() {
        return sign(AccessToken.of("operator-test", "operator"));
    }

    /** A token for {@code role} with the scope claims a role needs (the test agency, the test team). */
    public static String forRole(String role) {
        return sign(roleToken(role));
    }

    static AccessToken roleToken(String role) {
        AccessToken token = AccessToken.of(role + "-test", role);
        return switch (role) {
            case "partner" -> token.agency(AGENCY);
            case "officer" -> token.team(TEAM);
            default -> token;
        };
    }

    /** Well formed and signed by the right key, but expired an hour ago. */
    public static String expired(String role) {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        return sign(roleToken(role).issuedAt(hourAgo.minus(Duration.ofHours(1))).expiresAt(hourAgo));
    }

    /** Signed by a key pair the application does not know. */
    public static String otherKey(String role) {
        return roleToken(role).sign(SigningKeys.generate());
    }

    public static String wrongIssuer(String role) {
        return sign(roleToken(role).issuer("https://issuer.invalid/other"));
    }

    /** {@code alg: none}, no signature. */
    public static String algNone(String role) {
        return roleToken(role).unsigned();
    }
}
