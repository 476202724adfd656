package io.chokepoint.monitor.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Events sent as a partner's system sends them: with the token of the agency that reports them. */
public final class Partners {

    private Partners() {
    }

    /** The token of the partner agency the event names as {@code reportingAgency}. */
    public static String tokenOf(JsonNode event) {
        return TestTokens.partner(event.get("reportingAgency").asText());
    }

    /** A JSON request carrying the event, from the agency that reports it. */
    public static RequestSpecification reporting(JsonNode event) {
        return given().header(Callers.AUTHORIZATION, Callers.bearer(tokenOf(event)))
                .contentType(ContentType.JSON).body(event.toString());
    }
}
