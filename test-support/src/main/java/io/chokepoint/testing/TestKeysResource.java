package io.chokepoint.testing;

import io.chokepoint.local.tokens.AccessToken;
import io.chokepoint.local.tokens.SigningKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives the application under test the public half of the module's test key pair and the test issuer, so that the
 * tokens of {@link TestTokens} are verified as a deployment verifies its issuer's. Quarkus test resources are global:
 * one {@code @QuarkusTestResource(TestKeysResource.class)} in a module serves all its tests.
 */
public class TestKeysResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestTokens.keys();
        return Map.of(
                "mp.jwt.verify.publickey.location",
                TestTokens.KEYS.resolve(SigningKeys.PUBLIC_KEY_FILE).toAbsolutePath().toString(),
                "mp.jwt.verify.issuer", AccessToken.DEV_ISSUER);
    }

    @Override
    public void stop() {
    }
}
