package io.chokepoint.monitor.limits;

import io.chokepoint.local.tokens.AccessToken;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.Scrape;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform's rate limit as this service runs it, over real connections. A client is the principal of its token;
 * a request without one counts against its remote address. Each test has principals of its own, and sends from
 * addresses of its own on the loopback network (127.0.0.0/8), so the tests do not share buckets.
 */
@QuarkusTest
@TestProfile(RateLimitProfile.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class RateLimitTest {

    private static final String LIMITED = "chokepoint_http_requests_rate_limited_total";

    /** A partner's token under a principal name no other test uses. */
    private static String newPrincipal() {
        return TestTokens.sign(AccessToken.of("partner-rate-" + UUID.randomUUID(), "partner")
                .agency(TestTokens.AGENCY));
    }

    /** Requests sent from the given local address, so that the service sees that remote address. */
    private static RequestSpecification from(String address) {
        try {
            InetAddress local = InetAddress.getByName(address);
            return given().config(RestAssuredConfig.config().httpClient(
                    HttpClientConfig.httpClientConfig().setParam("http.route.local-address", local)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Requests of the principal, sent from the given local address. */
    private static RequestSpecification as(String token, String address) {
        return from(address).header(Callers.AUTHORIZATION, Callers.bearer(token));
    }

    private static void spendBurst(String token, String address, String path, int burst) {
        for (int i = 0; i < burst; i++) {
            as(token, address).get(path).then().statusCode(200);
        }
    }

    private static double refusals() {
        return Scrape.now().value(LIMITED);
    }

    @Test
    void aClientOverItsBurstIsRefusedWith429AndRetryAfterWhileAnotherIsNot() {
        String client = newPrincipal();
        double refusedBefore = refusals();
        spendBurst(client, "127.0.0.11", "/api/v1/shipments?size=1", RateLimitProfile.BURST);

        Response refused = as(client, "127.0.0.11").get("/api/v1/shipments?size=1");
        refused.then().statusCode(429)
                .contentType("application/json")
                .body("message", allOf(containsString("the limit on /api is 0.001 requests per second, bursts of 5"),
                        containsString("retry after")));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 999 && retryAfter <= 1000, "Retry-After " + retryAfter);
        assertTrue(refused.jsonPath().getString("message").endsWith("retry after " + retryAfter + " s"));

        as(newPrincipal(), "127.0.0.12").get("/api/v1/shipments?size=1").then().statusCode(200);
        as(client, "127.0.0.11").post("/api/v1/shipments").then().statusCode(429);
        assertEquals(refusedBefore + 2, refusals());
    }

    /** Callers behind one proxy or NAT address are limited each on its own. */
    @Test
    void twoPrincipalsFromOneAddressHaveABucketEach() {
        String first = newPrincipal();
        String second = newPrincipal();
        spendBurst(first, "127.0.0.16", "/api/v1/shipments?size=1", RateLimitProfile.BURST);
        as(first, "127.0.0.16").get("/api/v1/shipments?size=1").then().statusCode(429);

        spendBurst(second, "127.0.0.16", "/api/v1/shipments?size=1", RateLimitProfile.BURST);
        as(second, "127.0.0.16").get("/api/v1/shipments?size=1").then().statusCode(429);
    }

    /** A principal cannot escape its limit by sending from another address. */
    @Test
    void aPrincipalIsLimitedWhateverAddressItSendsFrom() {
        String client = newPrincipal();
        spendBurst(client, "127.0.0.17", "/api/v1/shipments?size=1", RateLimitProfile.BURST);

        as(client, "127.0.0.18").get("/api/v1/shipments?size=1").then().statusCode(429);
        as(newPrincipal(), "127.0.0.18").get("/api/v1/shipments?size=1").then().statusCode(200);
    }

    /** Requests without a token are refused (401) but counted first, against their address, not a principal's. */
    @Test
    void requestsWithoutATokenCountAgainstTheirAddress() {
        for (int i = 0; i < RateLimitProfile.BURST; i++) {
            from("127.0.0.20").get("/api/v1/shipments?size=1").then().statusCode(401);
        }
        from("127.0.0.20").get("/api/v1/shipments?size=1").then().statusCode(429);

        from("127.0.0.21").get("/api/v1/shipments?size=1").then().statusCode(401);
        as(newPrincipal(), "127.0.0.20").get("/api/v1/shipments?size=1").then().statusCode(200);
    }

    @Test
    void healthAndMetricsAreNeverLimited() {
        String client = newPrincipal();
        spendBurst(client, "127.0.0.13", "/api/v1/shipments?size=1", RateLimitProfile.BURST);
        as(client, "127.0.0.13").get("/api/v1/shipments?size=1").then().statusCode(429);

        for (int i = 0; i < 3 * RateLimitProfile.BURST; i++) {
            as(client, "127.0.0.13").get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            from("127.0.0.13").get("/q/metrics").then().statusCode(200);
        }
        from("127.0.0.13").get("/q/health").then().statusCode(200);
    }

    @Test
    void aPathWithALimitOfItsOwnCountsApart() {
        String client = newPrincipal();
        spendBurst(client, "127.0.0.14", "/api/v1/catalog", RateLimitProfile.CATALOG_BURST);
        as(client, "127.0.0.14").get("/api/v1/catalog").then().statusCode(429)
                .body("message", containsString("the limit on /api/v1/catalog is 0.001 requests per second, bursts of 2"));

        as(client, "127.0.0.14").get("/api/v1/shipments?size=1").then().statusCode(200);
    }

    /**
     * The refusal comes from the announced headers alone: the request says a body of 50 MB follows (over the 6 MB
     * body limit, too), none is sent, and the answer is the 429 all the same. So a refused body is never read; the
     * connection, which cannot carry another request past the unread body, is closed after the answer.
     */
    @Test
    void aRefusedRequestIsAnsweredBeforeItsBodyIsRead() throws IOException {
        String client = newPrincipal();
        spendBurst(client, "127.0.0.15", "/api/v1/shipments?size=1", RateLimitProfile.BURST);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.15", 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), RestAssured.port));
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/shipments/batch HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + Callers.bearer(client) + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 50000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 429 Too Many Requests", in.readLine());
            List<String> headers = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.add(line.toLowerCase(Locale.ROOT));
            }
            assertTrue(headers.contains("connection: close"), headers.toString());
            assertTrue(headers.stream().anyMatch(header -> header.startsWith("retry-after: ")), headers.toString());
            while (in.read() >= 0) {
                // the JSON body, then the end of the stream when the service closes the connection
            }
        }
    }
}
