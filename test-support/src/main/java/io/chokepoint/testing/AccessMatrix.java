package io.chokepoint.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/**
 * The access matrix of a service: every endpoint against every role and against the tokens that must never pass
 * (none, expired, signed by another key, another issuer, {@code alg: none}). Each {@link Access} says which roles
 * an endpoint admits and the status they get; every other role must get 403, every bad token 401. All cells are
 * run and every wrong one is reported together.
 */
public final class AccessMatrix {

    public static final List<String> ROLES = List.of("partner", "officer", "registry-admin", "operator");
    private static final Map<String, Function<String, String>> BAD_TOKENS = badTokens();

    private final List<Access> cases;

    private AccessMatrix(List<Access> cases) {
        this.cases = List.copyOf(cases);
    }

    public static AccessMatrix of(Access... cases) {
        return new AccessMatrix(List.of(cases));
    }

    /** The routes ({@code GET /api/v1/alerts/{id}}) the matrix covers. */
    public Set<String> routes() {
        return cases.stream().map(access -> access.route).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Every cell that answered otherwise than designed, as "route, caller: expected, got" lines. A default caller
     * that the test class set ({@link Callers#byDefault}) is put aside meanwhile: each cell sends only its own token.
     */
    public List<String> wrongCells() {
        RequestSpecification defaultCaller = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        try {
            return runCells();
        } finally {
            RestAssured.requestSpecification = defaultCaller;
        }
    }

    private List<String> runCells() {
        List<String> wrong = new ArrayList<>();
        for (Access access : cases) {
            String someAllowed = access.allowed.keySet().iterator().next();
            for (Map.Entry<String, Function<String, String>> bad : BAD_TOKENS.entrySet()) {
                record(wrong, access, bad.getKey(), 401, access.status(bad.getValue().apply(someAllowed)));
            }
            record(wrong, access, "no token", 401, access.status(null));
            for (String role : ROLES) {
                int expected = access.allowed.getOrDefault(role, 403);
                record(wrong, access, role, expected, access.status(TestTokens.forRole(role)));
            }
        }
        return wrong;
    }

    private static void record(List<String> wrong, Access access, String caller, int expected, int got) {
        if (expected != got) {
            wrong.add(access.route + " as " + caller + ": expected " + expected + ", got " + got);
        }
    }

    private static Map<String, Function<String, String>> badTokens() {
        Map<String, Function<String, String>> bad = new LinkedHashMap<>();
        bad.put("expired token", TestTokens::expired);
        bad.put("token of another key", TestTokens::otherKey);
        bad.put("token of another issuer", TestTokens::wrongIssuer);
        bad.put("alg none token", TestTokens::algNone);
        bad.put("garbage token", role -> "not-a-jwt");
        return bad;
    }

    /** One endpoint of the matrix: its route, a concrete request to it, and who may call it. */
    public static final class Access {

        private final String route;
        private final String method;
        private String path;
        private UnaryOperator<RequestSpecification> request = UnaryOperator.identity();
        private boolean streaming;
        private final Map<String, Integer> allowed = new LinkedHashMap<>();

        private Access(String method, String template) {
            this.method = method;
            this.route = method + " " + template;
            this.path = template;
        }

        /** {@code to("GET", "/api/v1/alerts/{id}")}: the route as the resource declares it. */
        public static Access to(String method, String template) {
            return new Access(method, template);
        }

        /** The concrete path requested (the template with its parameters filled), query string included. */
        public Access path(String concrete) {
            this.path = concrete;
            return this;
        }

        /** A JSON body. */
        public Access json(String body) {
            return request(spec -> spec.contentType("application/json").body(body));
        }

        /** Anything else the request needs: headers, a multipart body. */
        public Access request(UnaryOperator<RequestSpecification> customizer) {
            UnaryOperator<RequestSpecification> before = request;
            this.request = spec -> customizer.apply(before.apply(spec));
            return this;
        }

        /** An event stream: only its status is read, then the connection is closed. */
        public Access streaming() {
            this.streaming = true;
            return this;
        }

        /** {@code roles} may call it and get {@code status}; a role named in no {@code allows} gets 403. */
        public Access allows(int status, String... roles) {
            for (String role : roles) {
                if (!ROLES.contains(role)) {
                    throw new IllegalArgumentException("Unknown role " + role);
                }
                allowed.put(role, status);
            }
            return this;
        }

        int status(String token) {
            if (allowed.isEmpty()) {
                throw new IllegalStateException(route + " admits no role: say so with @DenyAll, not in the matrix");
            }
            return streaming ? streamStatus(token) : requestStatus(token);
        }

        private int requestStatus(String token) {
            RequestSpecification spec = request.apply(given().urlEncodingEnabled(false));
            if (token != null) {
                spec.header("Authorization", "Bearer " + token);
            }
            return spec.request(method, path).then().extract().statusCode();
        }

        private int streamStatus(String token) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "text/event-stream").method(method, HttpRequest.BodyPublishers.noBody());
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<InputStream> response = HttpClient.newHttpClient().send(builder.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                response.body().close();
                return response.statusCode();
            } catch (IOException e) {
                throw new IllegalStateException(route + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
