package io.chokepoint.alerting.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The Server-Sent Events stream of new alerts. */
@ConfigMapping(prefix = "chokepoint.stream")
public interface StreamConfig {

    /**
     * How often an idle connection gets a comment line, so that proxies keep it open and dead clients are found.
     * Read by the scheduler as {@code ${chokepoint.stream.heartbeat-interval}}.
     */
    @WithDefault("15s")
    Duration heartbeatInterval();

    /**
     * How often the stream looks for alerts it was not told about (those raised by other instances); alerts raised
     * here are streamed as soon as they commit. Read by the scheduler as {@code ${chokepoint.stream.poll-interval}}.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Recent alerts kept in memory for live clients; a client further behind reads from the database. */
    @WithDefault("1000")
    int windowSize();

    /** Most alerts read or sent to one client in one go. */
    @WithDefault("100")
    int batchSize();

    /** Most clients connected to this instance at once; beyond, a connection is refused with 503. */
    @WithDefault("500")
    int maxClients();

    /** Longest wait for a client to take a batch; a client slower than that is disconnected (it may resume). */
    @WithDefault("30s")
    Duration sendTimeout();

    /** The reconnection delay suggested to clients ({@code retry:} field). */
    @WithDefault("3s")
    Duration reconnectDelay();
}
