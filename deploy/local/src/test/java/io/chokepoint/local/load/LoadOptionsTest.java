package io.chokepoint.local.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadOptionsTest {

    @Test
    void aRateForADurationPlansRateTimesSecondsEventsOverKafkaByDefault() {
        LoadOptions options = parse("--rate", "20", "--duration", "30s", "--seed", "5");
        assertEquals(600, options.events());
        assertEquals(Pacing.steady(20), options.pacing());
        assertEquals(LoadOptions.Transport.KAFKA, options.transport());
        assertEquals(5, options.seed());
        assertEquals(LoadOptions.DEFAULT_TIMEOUT, options.timeout());
    }

    @Test
    void aRateWithoutDurationRunsTheDefaultDuration() {
        assertEquals(Math.round(2.5 * LoadOptions.DEFAULT_DURATION.toSeconds()), parse("--rate", "2.5").events());
    }

    @Test
    void saturateSendsItsCountOverTheChosenTransport() {
        LoadOptions options = parse("--saturate", "3000", "--rest", "--timeout", "PT10M");
        assertEquals(3000, options.events());
        assertTrue(options.pacing().saturating());
        assertEquals(LoadOptions.Transport.REST, options.transport());
        assertEquals(Duration.ofMinutes(10), options.timeout());
    }

    @Test
    void badArgumentsAreNamed() {
        assertProblem("neither", "--duration", "10s");
        assertProblem("not both", "--rate", "5", "--saturate", "10");
        assertProblem("--duration goes with --rate", "--saturate", "10", "--duration", "1m");
        assertProblem("--rest and --kafka exclude each other", "--saturate", "10", "--rest", "--kafka");
        assertProblem("--rate takes events a second above zero, not '0'", "--rate", "0");
        assertProblem("--saturate takes a whole number, not 'many'", "--saturate", "many");
        assertProblem("--saturate takes a number of events above zero", "--saturate", "0");
        assertProblem("--duration takes a duration such as 30s", "--rate", "5", "--duration", "soon");
        assertProblem("--timeout needs a value", "--saturate", "5", "--timeout");
        assertProblem("unknown option --burst", "--burst", "5");
        assertProblem("sends no event", "--rate", "0.1", "--duration", "1s");
    }

    private static void assertProblem(String expected, String... args) {
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class, () -> parse(args));
        assertTrue(problem.getMessage().contains(expected), problem.getMessage());
    }

    private static LoadOptions parse(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cases", "cases.jsonl"));
        return LoadOptions.parse(all);
    }
}
