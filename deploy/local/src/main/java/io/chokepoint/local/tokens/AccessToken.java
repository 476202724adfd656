package io.chokepoint.local.tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bearer token as the services expect it: a JWT signed with RS256 whose {@code groups} are the caller's roles,
 * with an {@code agency} claim for a partner agency and a {@code team} claim for an enforcement team.
 */
public final class AccessToken {

    /** The issuer of development and test tokens; a deployment configures its own. */
    public static final String DEV_ISSUER = "https://chokepoint.local/dev";
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, Object> claims = new LinkedHashMap<>();

    private AccessToken(String subject, List<String> roles) {
        Instant now = Instant.now();
        claims.put("iss", DEV_ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", roles);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(DEFAULT_LIFETIME).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
    }

    public static AccessToken of(String subject, String... roles) {
        return new AccessToken(subject, List.of(roles));
    }

    public AccessToken agency(String agency) {
        return claim("agency", agency);
    }

    public AccessToken team(String team) {
        return claim("team", team);
    }

    public AccessToken issuer(String issuer) {
        return claim("iss", issuer);
    }

    public AccessToken expiresAt(Instant at) {
        return claim("exp", at.getEpochSecond());
    }

    public AccessToken issuedAt(Instant at) {
        return claim("iat", at.getEpochSecond());
    }

    public AccessToken claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    /** The compact JWS, signed with RS256 by {@code keys}. */
    public String sign(SigningKeys keys) {
        String signingInput = segment(Map.of("alg", "RS256", "typ", "JWT", "kid", keys.keyId())) + "." + segment(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with RS256", e);
        }
    }

    /** The same claims with {@code alg: none} and no signature: a token every service must refuse. */
    public String unsigned() {
        return segment(Map.of("alg", "none", "typ", "JWT")) + "." + segment(claims) + ".";
    }

    private static String segment(Map<String, Object> json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
