package io.chokepoint.local;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The contract's topics with their partition counts, cleanup policy and retention, read from
 * {@code topics.properties} ({@code topic=partitions[,compact][,retention=<ISO-8601 duration>]}).
 */
public final class TopicLayout {

    private static final String RESOURCE = "/topics.properties";

    /** One topic of the layout; {@code retention} is null for a compacted topic or the broker's default. */
    public record TopicSpec(String name, int partitions, boolean compact, Duration retention) {

        /** The topic-level settings: cleanup policy and retention, as Kafka names them. */
        public Map<String, String> configs() {
            Map<String, String> configs = new HashMap<>();
            if (compact) {
                configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            if (retention != null) {
                configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
            }
            return configs;
        }

        NewTopic toNewTopic(short replicationFactor) {
            return new NewTopic(name, partitions, replicationFactor).configs(configs());
        }
    }

    private TopicLayout() {
    }

    /** Every topic of the contract, for a broker with the given replication factor. */
    public static List<NewTopic> topics(short replicationFactor) {
        return specs().stream().map(spec -> spec.toNewTopic(replicationFactor)).toList();
    }

    /** Every topic of the contract, by name. */
    public static List<TopicSpec> specs() {
        Properties layout = load();
        return layout.stringPropertyNames().stream()
                .sorted()
                .map(name -> parse(name, layout.getProperty(name)))
                .toList();
    }

    static TopicSpec parse(String name, String spec) {
        String[] parts = spec.split(",");
        int partitions;
        try {
            partitions = Integer.parseInt(parts[0].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Topic " + name + ": partition count is not a number: " + spec, e);
        }
        boolean compact = false;
        Duration retention = null;
        for (int i = 1; i < parts.length; i++) {
            String option = parts[i].trim();
            if (option.equals("compact")) {
                compact = true;
            } else if (option.startsWith("retention=")) {
                retention = retention(name, option.substring("retention=".length()));
            } else {
                throw new IllegalArgumentException("Topic " + name + ": unknown option '" + option + "'");
            }
        }
        if (compact && retention != null) {
            throw new IllegalArgumentException("Topic " + name + ": a compacted topic keeps its keys, no retention");
        }
        return new TopicSpec(name, partitions, compact, retention);
    }

    private static Duration retention(String topic, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Topic " + topic + ": retention is no ISO-8601 duration: " + value, e);
        }
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
