package io.chokepoint.registry.topics;

import io.chokepoint.model.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates {@code sanctions.entities} as a compacted topic: the contract makes it the current state of every
 * entity by key, which a broker's auto-created (deleting) topic would lose over time.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    @Inject
    KafkaTopicsConfig config;
    /** Every {@code kafka.*} setting, security included: the admin client signs in as the service's consumers do. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    void onStart(@Observes StartupEvent event) {
        if (!config.provisionTopics()) {
            return;
        }
        NewTopic entities = new NewTopic(Topics.SANCTIONS_ENTITIES, config.partitions(), config.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        int timeoutMs = (int) config.adminTimeout().toMillis();
        try (Admin admin = Admin.create(adminConfig(timeoutMs))) {
            admin.createTopics(List.of(entities)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
            LOG.infof("Created compacted topic %s", Topics.SANCTIONS_ENTITIES);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf(e.getCause(), "Could not create topic %s; create it compacted by hand", Topics.SANCTIONS_ENTITIES);
            }
        } catch (TimeoutException e) {
            LOG.warnf("Broker did not answer within %s; topic %s not checked", config.adminTimeout(), Topics.SANCTIONS_ENTITIES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> adminConfig(int timeoutMs) {
        Map<String, Object> admin = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                admin.put(key, value);
            }
        });
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        return admin;
    }
}
