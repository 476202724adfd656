package io.chokepoint.registry.screening;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JaroWinklerTest {

    @Test
    void matchesThePublishedExamples() {
        assertEquals(0.961, JaroWinkler.similarity("martha", "marhta"), 0.001);
        assertEquals(0.840, JaroWinkler.similarity("dwayne", "duane"), 0.001);
        assertEquals(0.813, JaroWinkler.similarity("dixon", "dicksonx"), 0.001);
    }

    @Test
    void equalIsOneAndDisjointIsZero() {
        assertEquals(1.0, JaroWinkler.similarity("qinsheng", "qinsheng"));
        assertEquals(0.0, JaroWinkler.similarity("abc", "xyz"));
        assertEquals(0.0, JaroWinkler.similarity("", "abc"));
    }
}
