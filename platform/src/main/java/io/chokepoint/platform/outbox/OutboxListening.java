package io.chokepoint.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Runs this instance's {@link OutboxListener} from start to shutdown, so that a commit on any instance relays its
 * messages at once. Its connection is opened with the datasource's JDBC URL, user and password, outside the pool,
 * and names itself {@value #APPLICATION_NAME} in {@code pg_stat_activity}.
 */
@ApplicationScoped
public class OutboxListening {

    static final String APPLICATION_NAME = "chokepoint-outbox-listener";

    private static final Logger LOG = Logger.getLogger(OutboxListening.class);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(2);

    private final OutboxConfig config;
    private final OutboxRelay relay;
    private final Optional<String> url;
    private final Optional<String> user;
    private final Optional<String> password;
    private OutboxListener listener;

    public OutboxListening(OutboxConfig config, OutboxRelay relay,
                           @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
                           @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                           @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.relay = relay;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** After the channels are wired (at the messaging library's priority), as a wake-up sends at once. */
    void start(@Observes StartupEvent event) {
        if (!config.notifications().enabled()) {
            LOG.info("Outbox notifications are off: the relay runs after this instance's commits and on its sweep");
            return;
        }
        RelayChannel channel = new RelayChannel(config.notifications().channel());
        if (url.isEmpty()) {
            LOG.warn("No quarkus.datasource.jdbc.url: the outbox listener cannot connect; the sweep relays what "
                    + "other instances write");
            return;
        }
        listener = new OutboxListener(this::connect, channel, relay::requestFlush, config.notifications());
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (listener != null) {
            listener.stop(STOP_PATIENCE);
        }
    }

    /** The PostgreSQL process of the listening connection, while there is one (for operators and tests). */
    public OptionalInt backendPid() {
        return listener == null ? OptionalInt.empty() : listener.backendPid();
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(name -> properties.setProperty("user", name));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        // a query of the connection check that gets no answer fails instead of hanging the listener
        properties.setProperty("socketTimeout",
                Long.toString(Math.max(1, config.notifications().checkInterval().toSeconds())));
        Connection connection = new Driver().connect(url.get(), properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL: " + url.get());
        }
        return connection;
    }
}
