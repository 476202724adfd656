package io.chokepoint.alerting.outbox;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The relay's sweep ten minutes away (its first run too, which waits one interval): during a test only this
 * instance's commits and the database's notifications can start the relay. And a producer key of the outbox set
 * through its typed chokepoint.outbox.producer key.
 */
public class NoSweepProfile implements QuarkusTestProfile {

    static final String COMPRESSION = "gzip";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("chokepoint.outbox.sweep-interval", "10m",
                "chokepoint.outbox.producer.compression", COMPRESSION);
    }
}
