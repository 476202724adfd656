package io.chokepoint.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** How the outbox is written and relayed to Kafka. */
@ConfigMapping(prefix = "chokepoint.outbox")
public interface OutboxConfig {

    /**
     * The CloudEvents type of the records of each topic, by topic name, fixed on every message when it is written:
     * {@code chokepoint.outbox.cloud-events-type."alerts.raised"=io.chokepoint.alert.raised}. Writing to a topic
     * that has none fails the writer's transaction.
     */
    Map<String, String> cloudEventsType();

    /**
     * How often the relay sweeps for messages that the attempt right after commit did not send (the broker was
     * away, or the service stopped in between); also the wait before the first sweep, while channels are wired.
     * Read by the scheduler as {@code ${chokepoint.outbox.sweep-interval}}.
     */
    @WithDefault("5s")
    Duration sweepInterval();

    /**
     * Rows per JDBC batch when {@code Outbox.enqueueAll} writes many messages at once (a list import, say); with
     * the PostgreSQL driver's {@code reWriteBatchedInserts} each batch becomes one multi-row insert.
     */
    @WithDefault("500")
    int insertBatchSize();

    /** Most messages handed to the broker before their acknowledgements are awaited and recorded. */
    @WithDefault("100")
    int batchSize();

    /**
     * How long the relay waits for the broker to acknowledge a batch; an unacknowledged message and those after
     * it are sent again later. Keep it well under the transaction timeout (60s by default).
     */
    @WithDefault("10s")
    Duration sendTimeout();

    /** How long sent messages are kept (to see what went out, and when) before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /**
     * How often sent messages older than {@code retention} are deleted. Read by the scheduler as
     * {@code ${chokepoint.outbox.purge-interval}}.
     */
    @WithDefault("1h")
    Duration purgeInterval();
}
