package io.chokepoint.local;

import io.chokepoint.local.TopicLayout.TopicSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicLayoutTest {

    @Test
    void readsPartitionsCompactionAndRetention() {
        assertEquals(new TopicSpec("a", 6, false, Duration.ofDays(7)), TopicLayout.parse("a", "6,retention=P7D"));
        TopicSpec compacted = TopicLayout.parse("b", "3, compact");
        assertEquals(Map.of("cleanup.policy", "compact"), compacted.configs());
        assertEquals(Map.of("retention.ms", "604800000"), TopicLayout.parse("c", "1,retention=P7D").configs());
    }

    @Test
    void refusesWhatItCannotRead() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopicLayout.parse("a", "six"))
                .getMessage().contains("partition count"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopicLayout.parse("a", "1,retention=7 days"))
                .getMessage().contains("ISO-8601"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopicLayout.parse("a", "1,compcat"))
                .getMessage().contains("unknown option"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopicLayout.parse("a", "1,compact,retention=P1D"))
                .getMessage().contains("compacted"));
    }

    @Test
    void everyTopicOfTheContractIsLaidOut() {
        assertTrue(TopicLayout.specs().stream().map(TopicSpec::name).toList().containsAll(java.util.List.of(
                "shipments.inbound", "shipments.assessed", "screening.results", "sanctions.entities",
                "sanctions.list-versions", "alerts.raised")));
    }
}
