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

    /** How a commit on any instance wakes the relay of every instance: PostgreSQL LISTEN/NOTIFY. */
    Notifications notifications();

    /** The producer of the {@code outbox} channel, read by the connector (see the platform's defaults). */
    Producer producer();

    /**
     * Each transaction that writes to the outbox sends one notification on {@code channel}, with its schema as the
     * payload, delivered at commit; every instance listens on a connection of its own and runs its relay when a
     * notification names its schema. The writer's own instance also relays right after its commit, without waiting
     * for the notification; the sweep stays as the net for anything both missed.
     */
    interface Notifications {

        /** Off: writers send no notification and nothing listens; the after-commit relay and the sweep remain. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The PostgreSQL channel, the same for every service sharing a database (the payload tells the schemas
         * apart). At most 63 bytes; taken as is, case included.
         */
        @WithDefault("chokepoint_outbox")
        String channel();

        /** The wait before connecting again after the listener lost its connection; doubles on each failure. */
        @WithDefault("1s")
        Duration reconnectDelay();

        /** The longest wait between two connection attempts of the listener. */
        @WithDefault("30s")
        Duration maxReconnectDelay();

        /**
         * How often the idle listener checks its connection with a query, so that a connection that died without
         * closing (a network cut, a failover) is noticed and replaced.
         */
        @WithDefault("30s")
        Duration checkInterval();
    }

    /**
     * Producer settings of the {@code outbox} channel. The platform's {@code META-INF/microprofile-config.properties}
     * hands them to the connector ({@code mp.messaging.outgoing.outbox.acks=${chokepoint.outbox.producer.acks}}, and
     * so on); a service's own {@code mp.messaging.outgoing.outbox.*} key still overrides it.
     */
    interface Producer {

        /** Kafka {@code acks}: {@code all} waits for every in-sync replica, so an acknowledged record survives a broker. */
        @WithDefault("all")
        String acks();

        /**
         * Kafka {@code enable.idempotence}: a retried send is written once, in order. Needs {@code acks=all};
         * the producer refuses to start otherwise.
         */
        @WithDefault("true")
        boolean idempotence();

        /**
         * Kafka {@code linger.ms}: how long the producer waits for more records to fill a batch. A relay batch
         * is handed over at once, so a few milliseconds pack it into few requests.
         */
        @WithDefault("5")
        int lingerMs();

        /** Kafka {@code batch.size}: the most bytes of records per partition in one request. */
        @WithDefault("65536")
        int batchBytes();

        /**
         * Kafka {@code compression.type}: {@code lz4} (the default: fast, and pure Java where the native library
         * cannot load), {@code zstd}, {@code snappy}, {@code gzip} or {@code none}; kafka-clients brings each codec.
         */
        @WithDefault("lz4")
        String compression();
    }
}
