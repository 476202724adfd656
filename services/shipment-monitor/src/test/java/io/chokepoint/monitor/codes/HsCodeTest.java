package io.chokepoint.monitor.codes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HsCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"2933.37", "293337", "2933399073", "2933.3990.73", "8479.89", "84798900"})
    void acceptsSixToTenDigitsWithDots(String code) {
        assertTrue(HsCode.isValid(code), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2933", "29333", "29333990731", "2933.3x", "2933..37", ".293337", "293337.", "2933 37", ""})
    void rejectsOtherForms(String code) {
        assertFalse(HsCode.isValid(code), code);
    }

    @Test
    void aNationalLineLiesUnderItsSubheading() {
        HsCode china = HsCode.parse("2933399073").orElseThrow();
        assertTrue(china.isUnder(HsCode.ofCatalog("2933.39")));
        assertTrue(china.isUnder(HsCode.ofCatalog("2933.3990.73")));
        assertFalse(china.isUnder(HsCode.ofCatalog("2933.37")));
    }

    @Test
    void displaysTheUsualForm() {
        assertEquals("2933.37", HsCode.parse("293337").orElseThrow().display());
        assertEquals("2933.3990.73", HsCode.parse("2933399073").orElseThrow().display());
        assertEquals("2933.3990", HsCode.parse("29333990").orElseThrow().display());
        assertEquals("29", HsCode.parse("293337").orElseThrow().chapter());
    }
}
