package io.chokepoint.testing;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HeaderConfig;

/**
 * Who a test's requests come from by default: {@code Callers.byDefault(TestTokens.officer())} in a
 * {@code @BeforeEach}, {@code Callers.reset()} in an {@code @AfterEach}. A request that sets its own
 * {@code Authorization} header replaces the default one rather than sending both.
 */
public final class Callers {

    public static final String AUTHORIZATION = "Authorization";

    private Callers() {
    }

    public static void byDefault(String token) {
        RestAssured.config = RestAssured.config().headerConfig(
                HeaderConfig.headerConfig().overwriteHeadersWithName(AUTHORIZATION, "Content-Type", "Accept"));
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader(AUTHORIZATION, bearer(token)).build();
    }

    public static void reset() {
        RestAssured.requestSpecification = null;
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
