package io.chokepoint.registry.audit;

import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Behind a reverse proxy, with address forwarding on, the audit names the client the proxy forwards for. */
@QuarkusTest
@TestProfile(ForwardedAddressTest.BehindAProxy.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class ForwardedAddressTest {

    /** Forwarding on, X-Forwarded-For allowed. */
    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @BeforeEach
    void asRegistryAdmin() {
        Callers.byDefault(TestTokens.registryAdmin());
    }

    @AfterEach
    void resetCaller() {
        Callers.reset();
    }

    @Test
    void recordsTheForwardedClientAddress() {
        String actor = ChangeRequestAuditTest.actor();
        given().contentType(ContentType.JSON).header(Callers.AUTHORIZATION, ChangeRequestAuditTest.as(actor))
                .header("X-Forwarded-For", "203.0.113.7").body(Map.of("type", "PERSON")).post("/api/v1/entities")
                .then().statusCode(400);
        assertEquals("203.0.113.7",
                ChangeRequestAuditTest.requests("actor", actor).getString("items[0].remoteAddress"));
    }
}
