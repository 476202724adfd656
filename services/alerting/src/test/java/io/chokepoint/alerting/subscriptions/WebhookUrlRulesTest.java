package io.chokepoint.alerting.subscriptions;

import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/**
 * Webhook URLs that would reach the service's own machine or network are refused when a subscription is made,
 * naming {@code channel.url} and why; the test profile allows {@code 127.0.0.1} and {@code localhost} only.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class WebhookUrlRulesTest {

    private static final String SECRET = "0123456789abcdef-secret";

    @BeforeEach
    void officer() {
        Callers.byDefault(TestTokens.officer());
    }

    @AfterEach
    void forgetCaller() {
        Callers.reset();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://127.0.0.2/hook               | resolves to a loopback address 127.0.0.2",
            "https://[::1]:8443/hook              | resolves to a loopback address 0:0:0:0:0:0:0:1",
            "https://10.0.0.5/hook                | resolves to a private address 10.0.0.5",
            "https://172.16.8.1/hook              | resolves to a private address 172.16.8.1",
            "https://192.168.1.20/hook            | resolves to a private address 192.168.1.20",
            "https://[fd00::20]/hook              | resolves to a private (unique local) address fd00:0:0:0:0:0:0:20",
            "https://169.254.169.254/latest/meta-data/ | resolves to a link-local address 169.254.169.254",
            "https://[fe80::1]/hook               | resolves to a link-local address fe80:0:0:0:0:0:0:1",
            "https://0.0.0.0/hook                 | resolves to an unspecified address 0.0.0.0",
            "https://[::]/hook                    | resolves to an unspecified address 0:0:0:0:0:0:0:0",
            "https://224.0.0.1/hook               | resolves to a multicast address 224.0.0.1",
            "https://[ff02::1]/hook               | resolves to a multicast address ff02:0:0:0:0:0:0:1",
            "https://100.64.0.1/hook              | resolves to a carrier-grade NAT address 100.64.0.1",
            "https://[::ffff:127.0.0.1]/hook      | resolves to a loopback address 127.0.0.1",
            "https://[::ffff:10.0.0.1]/hook       | resolves to a private address 10.0.0.1",
            "https://2130706433/hook              | host 2130706433 resolves to a loopback address 127.0.0.1",
            "https://0177.0.0.1/hook              | host 0177.0.0.1 is an IPv4 address in a non-standard form",
            "https://ops:secret@hooks.example.org/hook | must not carry user information",
            "http://hooks.example.org/hook        | must use https; plain http is only for hosts in chokepoint",
            "http://127.0.0.2:8080/hook           | must use https",
            "ftp://hooks.example.org/hook         | must be an absolute http or https URL",
    })
    void aUrlReachingInwardsIsRefusedNamingWhy(String url, String reason) {
        given().contentType(ContentType.JSON)
                .body(Map.of("team", TestTokens.TEAM, "channel", Map.of("type", "WEBHOOK", "url", url, "secret", SECRET)))
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].field", is("channel.url"))
                .body("errors[0].message", containsString(reason));
    }

    /** The full sentence, as a client reads it. */
    @Test
    void theRefusalSaysWhereAnExceptionIsConfigured() {
        given().contentType(ContentType.JSON)
                .body(Map.of("team", TestTokens.TEAM, "channel", Map.of("type", "WEBHOOK", "url", "https://127.0.0.2/hook",
                        "secret", SECRET)))
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors.message", contains("host 127.0.0.2 resolves to a loopback address 127.0.0.2; such "
                        + "addresses are only for hosts in chokepoint.webhooks.allowed-hosts"));
    }

    /** Its filter matches no alert, and it is deleted at once: nothing is ever sent to the closed port. */
    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9/hook", "http://localhost:9/hook", "https://localhost/hook",
            "http://LOCALHOST:9/hook"})
    void anAllowedLoopbackReceiverIsAccepted(String url) {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("team", TestTokens.TEAM,
                        "filter", Map.of("programs", List.of(TestAlerts.uniqueProgram())),
                        "channel", Map.of("type", "WEBHOOK", "url", url, "secret", SECRET)))
                .post("/api/v1/subscriptions").then().statusCode(201)
                .body("channel.url", is(url))
                .extract().path("id");
        given().delete("/api/v1/subscriptions/{id}", id).then().statusCode(204);
    }
}
