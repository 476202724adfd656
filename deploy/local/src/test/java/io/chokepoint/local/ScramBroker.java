package io.chokepoint.local;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real single-node Kafka broker (KRaft) in a process of its own, started the way ./chokepoint starts its broker
 * (StorageTool format, then kafka.Kafka), with the security a deployment's cluster has: a listener where clients
 * sign in with SCRAM-SHA-512 and the standard authorizer, which refuses what no ACL allows. A second, PLAINTEXT
 * listener is the administrator's (its anonymous principal is a super user) and stands for a local broker.
 */
final class ScramBroker implements AutoCloseable {

    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private final Path directory;
    private final Process process;
    private final String plaintextBootstrap;
    private final String saslBootstrap;

    private ScramBroker(Path directory, Process process, String plaintextBootstrap, String saslBootstrap) {
        this.directory = directory;
        this.process = process;
        this.plaintextBootstrap = plaintextBootstrap;
        this.saslBootstrap = saslBootstrap;
    }

    static ScramBroker start(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        int plaintext = freePort();
        int sasl = freePort();
        int controller = freePort();
        Path data = Files.createTempDirectory(directory, "data");
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controller);
        config.put("listeners", "ADMIN://127.0.0.1:" + plaintext + ",CLIENTS://127.0.0.1:" + sasl
                + ",CONTROLLER://127.0.0.1:" + controller);
        config.put("advertised.listeners", "ADMIN://127.0.0.1:" + plaintext + ",CLIENTS://127.0.0.1:" + sasl);
        config.put("listener.security.protocol.map", "ADMIN:PLAINTEXT,CLIENTS:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "ADMIN");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        config.put("listener.name.clients.scram-sha-512.sasl.jaas.config", SCRAM_LOGIN + " required;");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("allow.everyone.if.no.acl.found", "false");
        config.put("super.users", "User:ANONYMOUS");
        config.put("log.dirs", data.toString());
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("auto.create.topics.enable", "false");
        config.put("group.initial.rebalance.delay.ms", "0");
        Path properties = directory.resolve("server.properties");
        List<String> lines = new ArrayList<>();
        config.forEach((key, value) -> lines.add(key + "=" + value));
        Files.write(properties, lines);

        Path log = directory.resolve("broker.log");
        Process format = java(log, "kafka.tools.StorageTool", "format", "--standalone", "-t",
                Uuid.randomUuid().toString(), "-c", properties.toString()).start();
        if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("formatting the broker's storage failed; see " + log);
        }
        Process broker = java(log, "kafka.Kafka", properties.toString()).start();
        // Should the test JVM end without closing it, the broker must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroyForcibly, "scram-broker-stop"));
        ScramBroker started = new ScramBroker(directory, broker, "127.0.0.1:" + plaintext, "127.0.0.1:" + sasl);
        try (Admin admin = started.admin()) {
            await("the broker at " + started.plaintextBootstrap + " (log: " + log + ")")
                    .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> {
                        if (!broker.isAlive()) {
                            throw new IllegalStateException("the broker stopped; see " + log);
                        }
                        return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
                    });
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** The PLAINTEXT listener: an unauthenticated client, as against ./chokepoint up's broker. */
    String plaintextBootstrap() {
        return plaintextBootstrap;
    }

    /** The administrator: the PLAINTEXT listener's anonymous principal, a super user. */
    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintextBootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    /** Client settings of a principal signing in with SCRAM-SHA-512, the JAAS line as Strimzi writes it. */
    Map<String, Object> signedInAs(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, saslBootstrap);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name);
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG,
                SCRAM_LOGIN + " required username=\"" + user + "\" password=\"" + password + "\";");
        return config;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteData();
    }

    private void deleteData() {
        try (var files = Files.walk(directory)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                    .filter(path -> !path.getFileName().toString().equals("broker.log") && !path.equals(directory))
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JVM on this test's class path, whose output goes to the log. */
    private static ProcessBuilder java(Path log, String mainClass, String... arguments) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log4j = RepositoryFiles.ROOT.resolve("deploy/local/kafka/log4j2.properties");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dlog4j2.configurationFile=" + log4j, "-cp", classPath, mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
