package io.chokepoint.registry.screening;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EditDistanceTest {

    @Test
    void countsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertEquals(0, EditDistance.bounded("loera", "loera", 2));
        assertEquals(1, EditDistance.bounded("negar", "negra", 2), "two neighbours swapped are one edit");
        assertEquals(1, EditDistance.bounded("qinshen", "qinsheng", 2));
        assertEquals(1, EditDistance.bounded("zhang", "zheng", 2));
        assertEquals(2, EditDistance.bounded("mohammed", "muhammad", 2));
        assertEquals(3, EditDistance.bounded("ca", "abc", 3), "optimal string alignment edits no letter twice");
    }

    @Test
    void givesUpBeyondTheBound() {
        assertEquals(2, EditDistance.bounded("mohammed", "muhammad", 1));
        assertEquals(2, EditDistance.bounded("abc", "abcdef", 1));
        assertEquals(3, EditDistance.bounded("guzman", "loera", 2));
    }
}
