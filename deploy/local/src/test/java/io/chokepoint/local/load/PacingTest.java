package io.chokepoint.local.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PacingTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSteadyRateMakesEventsDueOnTheirOwnScheduleWhateverTheSendsTook() {
        Pacing pacing = Pacing.steady(20);
        assertEquals(1, pacing.dueBy(0, 100), "the first event is due at once");
        assertEquals(20, pacing.dueBy(SECOND - 1, 100));
        assertEquals(21, pacing.dueBy(SECOND, 100));
        assertEquals(61, pacing.dueBy(3 * SECOND, 100), "a late sender catches up rather than drifting");
        assertEquals(100, pacing.dueBy(60 * SECOND, 100), "never more than planned");
        assertEquals(SECOND, pacing.dueAtNanos(20));
        assertEquals(SECOND / 20, pacing.dueAtNanos(1));
    }

    @Test
    void saturatingMakesEveryEventDueAtOnce() {
        Pacing pacing = Pacing.saturate();
        assertEquals(5000, pacing.dueBy(0, 5000));
        assertEquals(0, pacing.dueAtNanos(4999));
    }
}
