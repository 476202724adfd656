package io.chokepoint.local.load;

import io.chokepoint.local.EndOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far the suite's consumer groups are behind: per group, the records between its committed offset and the end
 * of each partition of the topics it consumes (those it has committed on or is assigned). A partition it has never
 * committed on counts from its start, as the suite's consumers begin at the earliest offset. A group the broker
 * does not know counts as behind on nothing; the topics' record counts (see {@link SuitePipeline}) cover a stage
 * whose consumers have not joined yet.
 */
final class PipelineLag implements AutoCloseable {

    private final Admin admin;
    private final List<String> groups;

    PipelineLag(String bootstrapServers, List<String> groups) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.groups = List.copyOf(groups);
    }

    /** The sum over the groups. */
    long total() throws ExecutionException, InterruptedException {
        return byGroup().values().stream().mapToLong(Long::longValue).sum();
    }

    Map<String, Long> byGroup() throws ExecutionException, InterruptedException {
        ListConsumerGroupOffsetsResult offsets = admin.listConsumerGroupOffsets(
                groups.stream().collect(Collectors.toMap(Function.identity(), g -> new ListConsumerGroupOffsetsSpec())));
        Map<String, KafkaFuture<ConsumerGroupDescription>> descriptions = admin.describeConsumerGroups(groups).describedGroups();
        Map<String, Long> lag = new TreeMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = unlessNoGroup(offsets.partitionsToOffsetAndMetadata(group));
            Map<TopicPartition, Long> end = endOffsets(topicsOf(committed == null ? Set.of() : committed.keySet(),
                    unlessNoGroup(descriptions.get(group))));
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                OffsetAndMetadata at = committed == null ? null : committed.get(partition.getKey());
                behind += Math.max(0, partition.getValue() - (at == null ? 0 : at.offset()));
            }
            lag.put(group, behind);
        }
        return lag;
    }

    /** A group the broker does not know (it has never consumed) answers null: it is behind on nothing. */
    private static <T> T unlessNoGroup(KafkaFuture<T> answer) throws ExecutionException, InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    private static Set<String> topicsOf(Set<TopicPartition> committed, ConsumerGroupDescription description) {
        Set<String> topics = new HashSet<>();
        committed.forEach(partition -> topics.add(partition.topic()));
        if (description != null) {
            description.members().forEach(member ->
                    member.assignment().topicPartitions().forEach(partition -> topics.add(partition.topic())));
        }
        return topics;
    }

    private Map<TopicPartition, Long> endOffsets(Set<String> topics) throws ExecutionException, InterruptedException {
        return EndOffsets.of(admin, topics);
    }

    @Override
    public void close() {
        admin.close();
    }
}
