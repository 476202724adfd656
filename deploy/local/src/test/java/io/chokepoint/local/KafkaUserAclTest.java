package io.chokepoint.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.chokepoint.local.RepositoryFiles.KafkaAccess;
import io.chokepoint.local.TopicLayout.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static io.chokepoint.local.RepositoryFiles.SERVICES;
import static io.chokepoint.local.RepositoryFiles.kafkaAccess;
import static io.chokepoint.local.RepositoryFiles.serviceConfig;
import static io.chokepoint.local.RepositoryFiles.yamlDocuments;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/k8s/kafka-users.yaml on a real broker that signs clients in and authorizes them as the deployment's
 * cluster does: each KafkaUser gets a SCRAM-SHA-512 credential and the ACLs Strimzi's User Operator makes of its
 * spec, and signs in as its service does. It may write exactly the topics its service produces and read exactly
 * those its service consumes, with its service's consumer group, and it may neither use another group nor create
 * or delete topics. The services' default Kafka settings (application.properties, prod profile) still reach a
 * PLAINTEXT broker, as ./chokepoint up runs them.
 */
class KafkaUserAclTest {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final Map<String, String> PASSWORDS = new HashMap<>();
    private static final Set<String> LAYOUT = TopicLayout.specs().stream().map(TopicSpec::name)
            .collect(Collectors.toCollection(TreeSet::new));
    private static ScramBroker broker;

    static final List<String> services = SERVICES;

    @BeforeAll
    static void startABrokerWithTheKafkaUsers() throws Exception {
        broker = ScramBroker.start(Path.of("target/kafka-acl-test"));
        CreateTopics.createMissing(broker.plaintextBootstrap(), (short) 1);
        List<UserScramCredentialAlteration> credentials = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (JsonNode user : yamlDocuments("deploy/k8s/kafka-users.yaml")) {
            String name = user.path("metadata").path("name").asText();
            String password = UUID.randomUUID().toString();
            PASSWORDS.put(name, password);
            credentials.add(new UserScramCredentialUpsertion(name,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password));
            acls.addAll(strimziAcls(name, user.path("spec").path("authorization")));
        }
        try (Admin admin = broker.admin()) {
            admin.alterUserScramCredentials(credentials).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            await("credentials and ACLs in force").atMost(PATIENCE).ignoreExceptions().until(() ->
                    admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(acls)
                            && admin.describeUserScramCredentials(List.copyOf(PASSWORDS.keySet())).all().get()
                            .size() == PASSWORDS.size());
        }
        try (KafkaProducer<String, String> administrator = new KafkaProducer<>(producerSettings(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.plaintextBootstrap())))) {
            for (String topic : LAYOUT) {
                administrator.send(new ProducerRecord<>(topic, "seed", "{}")).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @FieldSource("services")
    void theServiceWritesExactlyTheTopicsItProduces(String service) {
        Set<String> written = new TreeSet<>();
        for (String topic : LAYOUT) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(signedIn(service)))) {
                Throwable refusal = send(producer, topic);
                if (refusal == null) {
                    written.add(topic);
                } else {
                    assertInstanceOf(TopicAuthorizationException.class, refusal, service + " writing " + topic);
                }
            }
        }
        assertEquals(kafkaAccess(service).produced(), written, service + ": the topics it may write");
    }

    @ParameterizedTest
    @FieldSource("services")
    void theServiceReadsExactlyTheTopicsItConsumesWithItsOwnGroup(String service) {
        KafkaAccess access = kafkaAccess(service);
        assertEquals(1, access.groups().size(), service + ": one consumer group, " + access.groups());
        String group = access.groups().iterator().next();
        Set<String> read = new TreeSet<>();
        for (String topic : LAYOUT) {
            AuthorizationException refusal = consume(service, group, topic);
            if (refusal == null) {
                read.add(topic);
            } else {
                assertInstanceOf(TopicAuthorizationException.class, refusal, service + " reading " + topic);
            }
        }
        assertEquals(access.consumed(), read, service + ": the topics it may read");

        String ownTopic = access.consumed().iterator().next();
        Set<String> otherGroups = new HashSet<>(Set.of(service + "-replay"));
        SERVICES.stream().filter(other -> !other.equals(service))
                .forEach(other -> otherGroups.addAll(kafkaAccess(other).groups()));
        for (String otherGroup : otherGroups) {
            assertInstanceOf(GroupAuthorizationException.class, consume(service, otherGroup, ownTopic),
                    service + " reading " + ownTopic + " as group " + otherGroup);
        }
    }

    @ParameterizedTest
    @FieldSource("services")
    void theServiceMayNeitherCreateNorDeleteTopics(String service) throws Exception {
        String ownTopic = kafkaAccess(service).produced().iterator().next();
        try (Admin admin = Admin.create(signedIn(service))) {
            ExecutionException create = assertThrows(ExecutionException.class, () -> admin.createTopics(
                    List.of(new NewTopic(service + ".shadow", 1, (short) 1))).all().get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, create.getCause(), service + " creating a topic");
            ExecutionException delete = assertThrows(ExecutionException.class,
                    () -> admin.deleteTopics(List.of(ownTopic)).all().get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, delete.getCause(), service + " deleting " + ownTopic);
        }
        try (Admin admin = broker.admin()) {
            assertEquals(LAYOUT, new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS)),
                    "the topics after " + service + " tried to change them");
        }
    }

    @Test
    void aWrongPasswordSignsNobodyIn() {
        Map<String, Object> settings = broker.signedInAs("alerting", "not-" + PASSWORDS.get("alerting"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(settings))) {
            assertInstanceOf(SaslAuthenticationException.class, send(producer, "alerts.raised"));
        }
    }

    @ParameterizedTest
    @FieldSource("services")
    void theServicesDefaultKafkaSettingsReachAPlaintextBroker(String service) {
        Map<String, Object> defaults = new HashMap<>();
        for (String key : serviceConfig(service).stringPropertyNames()) {
            if (key.startsWith("%prod.kafka.")) {
                defaults.put(key.substring("%prod.kafka.".length()),
                        RepositoryFiles.environmentReference(service, key).getValue());
            }
        }
        assertEquals("PLAINTEXT", defaults.get("security.protocol"), service);
        assertEquals("", defaults.get("sasl.jaas.config"), service + ": no credentials by default");
        defaults.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.plaintextBootstrap());

        String topic = kafkaAccess(service).produced().iterator().next();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(defaults))) {
            assertNull(send(producer, topic), service + ": its default settings write to a PLAINTEXT broker");
        }
        assertNull(consume(defaults, service + "-defaults", topic), service + ": and read from it");
    }

    /** The ACLs Strimzi's User Operator makes of a KafkaUser's "simple" authorization, for the principal User:name. */
    private static List<AclBinding> strimziAcls(String user, JsonNode authorization) {
        assertEquals("simple", authorization.path("type").asText(), user);
        List<AclBinding> bindings = new ArrayList<>();
        for (JsonNode acl : authorization.path("acls")) {
            JsonNode resource = acl.path("resource");
            ResourceType type = switch (resource.path("type").asText()) {
                case "topic" -> ResourceType.TOPIC;
                case "group" -> ResourceType.GROUP;
                case "cluster" -> ResourceType.CLUSTER;
                case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
                default -> throw new AssertionError(user + ": unknown resource type " + resource.path("type"));
            };
            String name = type == ResourceType.CLUSTER ? "kafka-cluster" : resource.path("name").asText();
            PatternType pattern = resource.path("patternType").asText("literal").equals("prefix")
                    ? PatternType.PREFIXED : PatternType.LITERAL;
            AclPermissionType permission = acl.path("type").asText("allow").equals("deny")
                    ? AclPermissionType.DENY : AclPermissionType.ALLOW;
            List<String> operations = new ArrayList<>();
            acl.path("operations").forEach(operation -> operations.add(operation.asText()));
            if (acl.has("operation")) {
                operations.add(acl.path("operation").asText());
            }
            for (String operation : operations) {
                AclOperation kafkaOperation = AclOperation.valueOf(
                        operation.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
                bindings.add(new AclBinding(new ResourcePattern(type, name, pattern), new AccessControlEntry(
                        "User:" + user, acl.path("host").asText("*"), kafkaOperation, permission)));
            }
        }
        return bindings;
    }

    private static Map<String, Object> signedIn(String service) {
        String password = PASSWORDS.get(service);
        assertTrue(password != null, "no KafkaUser named " + service);
        return broker.signedInAs(service, password);
    }

    private static Map<String, Object> producerSettings(Map<String, Object> connection) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        return settings;
    }

    /** Sends one record and waits: null when the broker took it, else why not. */
    private static Throwable send(KafkaProducer<String, String> producer, String topic) {
        try {
            producer.send(new ProducerRecord<>(topic, "key", "{}")).get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    /** Reads the topic as the service with the group: null once a record arrived and its offset was committed. */
    private static AuthorizationException consume(String service, String group, String topic) {
        return consume(signedIn(service), group, topic);
    }

    private static AuthorizationException consume(Map<String, Object> connection, String group, String topic) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        AtomicReference<AuthorizationException> refusal = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            consumer.subscribe(List.of(topic));
            await(group + " reading " + topic).atMost(PATIENCE).pollDelay(Duration.ZERO).until(() -> {
                try {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                    if (records.isEmpty()) {
                        return false;
                    }
                    consumer.commitSync(Duration.ofSeconds(10));
                    return true;
                } catch (AuthorizationException e) {
                    refusal.set(e);
                    return true;
                }
            });
        }
        return refusal.get();
    }
}
