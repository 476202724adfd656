package io.chokepoint.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the contract's topics that do not exist yet, so that running it again is harmless.
 * Usage: {@code CreateTopics <bootstrap-servers>}.
 */
public final class CreateTopics {

    private CreateTopics() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
        List<String> created = createMissing(bootstrap, (short) 1);
        System.out.println(created.isEmpty() ? "topics: all present" : "topics created: " + String.join(", ", created));
    }

    /** Creates the missing topics and answers their names. */
    public static List<String> createMissing(String bootstrap, short replicationFactor)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = TopicLayout.topics(replicationFactor).stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            return missing.stream().map(NewTopic::name).toList();
        }
    }
}
