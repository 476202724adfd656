package io.chokepoint.monitor.codes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaceCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"CN", "MX", "US", "CA", "KR", "IN", "NL"})
    void knowsIsoCountries(String country) {
        assertTrue(CountryCode.isValid(country), country);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cn", "XX", "UK", "CHN", "C", ""})
    void rejectsOtherCountryCodes(String country) {
        assertFalse(CountryCode.isValid(country), country);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CNSHA", "MXZLO", "KRPUS", "USLAX", "MXLZC", "CAVAN", "NLRTM", "DEHAM", "AE2AB"})
    void acceptsUnLocodes(String port) {
        assertTrue(UnLocode.isValid(port), port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cnsha", "CNSH", "CNSHAI", "XXSHA", "CNSH1", "CNSH0", "CN SHA", "CN-SHA"})
    void rejectsOtherPortCodes(String port) {
        assertFalse(UnLocode.isValid(port), port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9321483", "IMO 9321483", "IMO9321483", "9074729"})
    void acceptsImoNumbers(String imo) {
        assertTrue(ImoNumber.isValid(imo), imo);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9321484", "932148", "93214830", "IMO-9321483", "abcdefg"})
    void rejectsOtherImoNumbers(String imo) {
        assertFalse(ImoNumber.isValid(imo), imo);
    }
}
