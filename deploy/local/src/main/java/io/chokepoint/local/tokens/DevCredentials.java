package io.chokepoint.local.tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The bearer tokens a local tool presents to the suite, signed with the development key pair that
 * {@code ./chokepoint up} keeps in {@code .chokepoint/keys} (system property {@code chokepoint.keys}). One token per
 * role, or per agency for a partner, made on first use.
 */
public final class DevCredentials {

    public static final String KEYS_PROPERTY = "chokepoint.keys";

    private final SigningKeys keys;
    private final String subject;
    private final Map<String, String> tokens = new HashMap<>();

    public DevCredentials(SigningKeys keys, String subject) {
        this.keys = keys;
        this.subject = subject;
    }

    /** The keys named by {@code -Dchokepoint.keys} (default {@code .chokepoint/keys}); they must exist. */
    public static DevCredentials fromSystemProperty(String subject) {
        Path dir = Path.of(System.getProperty(KEYS_PROPERTY, ".chokepoint/keys"));
        if (!Files.exists(dir.resolve(SigningKeys.PRIVATE_KEY_FILE))) {
            throw new IllegalStateException("No development signing key in " + dir.toAbsolutePath()
                    + ": ./chokepoint up makes one (or set -D" + KEYS_PROPERTY + ")");
        }
        return new DevCredentials(SigningKeys.read(dir), subject);
    }

    /** {@code Bearer <token>} for a role without scope claims (officer tokens name no team). */
    public synchronized String bearer(String role) {
        return tokens.computeIfAbsent(role, r -> "Bearer " + AccessToken.of(subject, r).sign(keys));
    }

    /** {@code Bearer <token>} of a partner of {@code agency}. */
    public synchronized String partner(String agency) {
        return tokens.computeIfAbsent("partner:" + agency,
                key -> "Bearer " + AccessToken.of(subject, "partner").agency(agency).sign(keys));
    }
}
