package io.chokepoint.local;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The contract's topics with their partition counts and cleanup policy, read from {@code topics.properties}. */
public final class TopicLayout {

    private static final String RESOURCE = "/topics.properties";

    private TopicLayout() {
    }

    /** Every topic of the contract, for a broker with the given replication factor. */
    public static List<NewTopic> topics(short replicationFactor) {
        Properties layout = load();
        return layout.stringPropertyNames().stream()
                .sorted()
                .map(name -> toTopic(name, layout.getProperty(name), replicationFactor))
                .toList();
    }

    static NewTopic toTopic(String name, String spec, short replicationFactor) {
        String[] parts = spec.split(",");
        int partitions;
        try {
            partitions = Integer.parseInt(parts[0].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Topic " + name + ": partition count is not a number: " + spec, e);
        }
        NewTopic topic = new NewTopic(name, partitions, replicationFactor);
        if (parts.length > 1 && parts[1].trim().equals("compact")) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return topic;
    }

    private static Properties load() {
        try (InputStream in = TopicLayout.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Properties props = new Properties();
            props.load(in);
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
