package io.chokepoint.local.eval;

import io.chokepoint.local.EndOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Tells when the pipeline has finished with what was sent: a topic has received the expected number of new
 * records and every consumer group of it has committed up to the end.
 */
public final class PipelineQuiescence implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);

    private final Admin admin;
    private final Duration timeout;

    public PipelineQuiescence(String bootstrapServers, Duration timeout) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.timeout = timeout;
    }

    /** Records on the topic so far, over all partitions. */
    public long recordCount(String topic) throws ExecutionException, InterruptedException {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits until the topic holds {@code expected} records and each group has consumed them all. */
    void awaitConsumed(String topic, long expected, String... groups)
            throws ExecutionException, InterruptedException, TimeoutException {
        Instant deadline = Instant.now().plus(timeout);
        while (recordCount(topic) < expected || !allCommitted(topic, groups)) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException(topic + " not consumed by " + String.join(", ", groups) + " within " + timeout);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private boolean allCommitted(String topic, String... groups) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> end = endOffsets(topic);
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                OffsetAndMetadata offset = committed.get(partition.getKey());
                long position = offset == null ? 0 : offset.offset();
                if (position < partition.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        return EndOffsets.of(admin, Set.of(topic));
    }

    @Override
    public void close() {
        admin.close();
    }
}
