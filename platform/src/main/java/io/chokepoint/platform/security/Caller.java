package io.chokepoint.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who sent the current request, as its verified token says: the name recorded as actor in audits, the roles, and
 * the scope claims ({@value #AGENCY} of a partner, {@value #TEAM} of an officer) that limit what it may see.
 */
@RequestScoped
public class Caller {

    public static final String AGENCY = "agency";
    public static final String TEAM = "team";
    /**
     * The longest name recorded as actor: the services' actor columns hold 128 characters, and an identity provider
     * may issue longer principals; such a name is recorded by its first characters rather than failing the change.
     */
    public static final int MAX_NAME_LENGTH = 128;

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's {@code upn}, else {@code preferred_username}, else {@code sub}; at most {@value #MAX_NAME_LENGTH} characters. */
    public String name() {
        String name = identity.getPrincipal().getName();
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH);
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> agency() {
        return claim(AGENCY);
    }

    public Optional<String> team() {
        return claim(TEAM);
    }

    /** The caller's agency; 403 naming the missing claim when the token has none. */
    public String requireAgency() {
        return agency().orElseThrow(() -> missing(AGENCY));
    }

    /** The caller's team; 403 naming the missing claim when the token has none. */
    public String requireTeam() {
        return team().orElseThrow(() -> missing(TEAM));
    }

    private Optional<String> claim(String name) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        if (value instanceof JsonString json) {
            value = json.getString();
        }
        return Optional.ofNullable(value).map(Object::toString).filter(text -> !text.isBlank());
    }

    private static ForbiddenException missing(String claim) {
        return new ForbiddenException("Forbidden: the token carries no " + claim + " claim");
    }
}
