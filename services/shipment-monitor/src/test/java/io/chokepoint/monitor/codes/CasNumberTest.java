package io.chokepoint.monitor.codes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CasNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"39742-60-4", "21409-26-7", "23056-29-3", "125541-22-2", "1609-66-1", "41661-47-6",
            "79099-07-3", "103-63-9", "79-03-8", "16940-66-2", "7732-18-5"})
    void acceptsRegisteredNumbers(String cas) {
        assertTrue(CasNumber.isValid(cas), cas);
    }

    @ParameterizedTest
    @ValueSource(strings = {"39742-60-5", "21409-26-1", "79099-07-4", "7732-18-6"})
    void rejectsAWrongCheckDigit(String cas) {
        assertTrue(CasNumber.isWellFormed(cas));
        assertFalse(CasNumber.isValid(cas), cas);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "39742604-", "3974-260-4", "1-23-4", "12345678-12-1", "39742 60 4"})
    void rejectsMalformedText(String cas) {
        assertFalse(CasNumber.isWellFormed(cas), cas);
        assertFalse(CasNumber.isValid(cas), cas);
    }

    @Test
    void readsDigitsWithoutHyphensIntoTheCanonicalForm() {
        assertEquals("39742-60-4", CasNumber.parse("39742604").orElseThrow().canonical());
        assertEquals("79-03-8", CasNumber.parse(" 79-03-8 ").orElseThrow().canonical());
    }

    @Test
    void rejectsNull() {
        assertFalse(CasNumber.isValid(null));
    }
}
