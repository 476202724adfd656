package io.chokepoint.alerting;

import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform's connection and consumer defaults as the service's own clients got them, without a line of its
 * configuration: sessions that plan each statement for its values, consumers that commit every second.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class PlatformDefaultsTest {

    @Inject
    DataSource dataSource;
    @Inject
    KafkaClientService kafka;

    @Test
    void everyConnectionPlansEachStatementForItsValues() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet mode = statement.executeQuery("show plan_cache_mode")) {
            assertTrue(mode.next());
            assertEquals("force_custom_plan", mode.getString(1));
        }
    }

    @Test
    void consumersCommitTheirOffsetsEverySecond() {
        for (String channel : new String[] {"shipments-assessed", "screening-results"}) {
            assertEquals("1000", String.valueOf(kafka.getConsumer(channel).configuration()
                    .get("auto.commit.interval.ms")), channel);
        }
    }
}
