package io.chokepoint.e2e;

import io.chokepoint.local.CreateTopics;
import io.chokepoint.local.tokens.AccessToken;
import io.chokepoint.local.tokens.SigningKeys;
import io.chokepoint.testing.KafkaBrokerResource;
import io.restassured.http.Header;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Starts, once per test run, one real Kafka broker (in this JVM) and the three packaged services as separate
 * processes on free ports, each with a fresh schema in the local PostgreSQL; stops them when the run ends. The
 * services verify tokens against a key pair of the run ({@code target/e2e-keys}), as a deployment does its issuer's.
 */
public final class RunningSuite implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    static final String DB_URL = System.getProperty("chokepoint.e2e.db-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String DB_USER = System.getProperty("chokepoint.e2e.db-user", "postgres");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** The agency the suite's partner reports for, and the team its officer belongs to. */
    static final String AGENCY = "IN-CBIC";
    static final String TEAM = "operations-check";
    private static final SigningKeys KEYS = SigningKeys.inDirectory(Path.of("target", "e2e-keys").toAbsolutePath());

    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();
    private static String bootstrapServers;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (bootstrapServers != null) {
            return;
        }
        bootstrapServers = KafkaBrokerResource.bootstrapServers();
        CreateTopics.createMissing(bootstrapServers, (short) 1);
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningSuite.class.getName(), this);

        Path root = Path.of(System.getProperty("chokepoint.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("chokepoint.e2e.logs", "target/e2e-logs"));
        start("shipment-monitor", "e2e_monitor", root, logs, Map.of());
        start("sanctions-registry", "e2e_registry", root, logs, Map.of());
        // The suite's webhook receiver listens on loopback, which alerting refuses unless allowed.
        start("alerting", "e2e_alerting", root, logs, Map.of("chokepoint.webhooks.allowed-hosts", "127.0.0.1"));
        for (ServiceProcess service : SERVICES.values()) {
            await(service + " ready").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(service::isReady);
        }
    }

    private static void start(String name, String schema, Path root, Path logs, Map<String, String> properties)
            throws IOException, SQLException {
        dropSchema(schema);
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "CHOKEPOINT_DB_URL", DB_URL,
                "CHOKEPOINT_DB_USER", DB_USER,
                "CHOKEPOINT_JWT_ISSUER", AccessToken.DEV_ISSUER,
                "CHOKEPOINT_JWT_PUBLIC_KEY_LOCATION",
                Path.of("target", "e2e-keys", SigningKeys.PUBLIC_KEY_FILE).toAbsolutePath().toString());
        Map<String, String> system = new LinkedHashMap<>(properties);
        system.put("chokepoint.db.schema", schema);
        SERVICES.put(name, ServiceProcess.start(name, root, freePort(), env, system, logs));
    }

    static String url(String service) {
        ServiceProcess process = SERVICES.get(service);
        if (process == null) {
            throw new IllegalStateException(service + " is not running");
        }
        return process.baseUrl();
    }

    /**
     * The {@code Authorization} header of a caller in {@code role}: a partner of {@link #AGENCY}, an officer of
     * {@link #TEAM}, a registry administrator, an operator.
     */
    static Header as(String role) {
        AccessToken token = AccessToken.of("e2e-" + role, role);
        if ("partner".equals(role)) {
            token.agency(AGENCY);
        } else if ("officer".equals(role)) {
            token.team(TEAM);
        }
        return new Header("Authorization", "Bearer " + token.sign(KEYS));
    }

    static String bootstrapServers() {
        return bootstrapServers;
    }

    private static void dropSchema(String schema) throws SQLException {
        try (Connection db = DriverManager.getConnection(DB_URL, DB_USER, "");
             Statement statement = db.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : SERVICES.values()) {
            service.close();
        }
        SERVICES.clear();
    }
}
