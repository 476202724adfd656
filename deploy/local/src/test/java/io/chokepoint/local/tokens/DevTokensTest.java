package io.chokepoint.local.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void keysAreMadeOnceAndThePrivateHalfIsTheOwnersOnly() throws Exception {
        Path dir = home.resolve("keys");
        String publicKey = run("keys", dir.toString());

        assertEquals(dir.resolve("public.pem").toAbsolutePath().toString(), publicKey);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private.pem"))));
        byte[] first = Files.readAllBytes(dir.resolve("private.pem"));
        run("keys", dir.toString());
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("private.pem")), "an existing key pair is kept");
    }

    @Test
    void processesAskingAtOnceShareOneKeyPair() {
        Path dir = home.resolve("shared");
        List<CompletableFuture<SigningKeys>> asks = List.of(
                CompletableFuture.supplyAsync(() -> SigningKeys.inDirectory(dir)),
                CompletableFuture.supplyAsync(() -> SigningKeys.inDirectory(dir)),
                CompletableFuture.supplyAsync(() -> SigningKeys.inDirectory(dir)));
        List<SigningKeys> answers = asks.stream().map(CompletableFuture::join).toList();
        SigningKeys onDisk = SigningKeys.read(dir);
        for (SigningKeys answer : answers) {
            assertEquals(onDisk.publicKey(), answer.publicKey());
        }
    }

    @Test
    void aPartnerTokenCarriesItsRoleAgencyIssuerAndLifetimeAndVerifiesWithThePublicKey() throws Exception {
        Path dir = home.resolve("keys");
        String token = run("token", dir.toString(), "partner", "--agency", "MX-ANAM", "--ttl", "PT1H");

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        JsonNode header = decode(parts[0]);
        JsonNode claims = decode(parts[1]);
        assertEquals("RS256", header.path("alg").asText());
        assertEquals(SigningKeys.read(dir).keyId(), header.path("kid").asText());
        assertEquals("partner", claims.path("groups").get(0).asText());
        assertEquals("MX-ANAM", claims.path("agency").asText());
        assertEquals(AccessToken.DEV_ISSUER, claims.path("iss").asText());
        long lifetime = claims.path("exp").asLong() - Instant.now().getEpochSecond();
        assertTrue(Math.abs(lifetime - Duration.ofHours(1).toSeconds()) < 60, "expires in an hour: " + lifetime);

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(SigningKeys.read(dir).publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    @Test
    void anotherKeyPairDoesNotVerifyTheToken() throws Exception {
        String token = AccessToken.of("someone", "officer").sign(SigningKeys.generate());
        String[] parts = token.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(SigningKeys.generate().publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertFalse(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    @Test
    void anUnsignedTokenSaysAlgNoneAndHasNoSignature() throws Exception {
        String token = AccessToken.of("someone", "officer").unsigned();
        assertTrue(token.endsWith("."));
        assertEquals("none", decode(token.split("\\.")[0]).path("alg").asText());
    }

    @Test
    void wrongRequestsAreRefusedWithTheirReason() {
        String dir = home.resolve("keys").toString();
        assertEquals("a partner token names its agency: --agency CODE",
                assertThrows(IllegalArgumentException.class, () -> run("token", dir, "partner")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("token", dir, "admin")).getMessage()
                .startsWith("unknown role admin"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("token", dir, "operator", "--ttl", "8h"))
                .getMessage().contains("ISO-8601"));
    }

    private static String run(String... args) {
        return DevTokens.run(new ArrayDeque<>(List.of(args)));
    }

    private static JsonNode decode(String segment) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(segment));
    }
}
