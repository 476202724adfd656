package io.chokepoint.registry.topics;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Creation of the topics this service owns, where the broker does not create them as needed. */
@ConfigMapping(prefix = "chokepoint.kafka")
public interface KafkaTopicsConfig {

    /** Whether to create {@code sanctions.entities} (compacted) at start when it does not exist. */
    boolean provisionTopics();

    /** Partitions of a created topic. */
    int partitions();

    /** Replication factor of a created topic. */
    short replicationFactor();

    /** How long to wait for the broker when creating topics; past it the service starts anyway. */
    Duration adminTimeout();
}
