package io.chokepoint.registry.imports;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CountryNamesTest {

    @Test
    void readsTheNamesOfOfacAndTheUn() {
        assertEquals("KP", CountryNames.code("Korea, North"));
        assertEquals("KP", CountryNames.code("Democratic People's Republic of Korea"));
        assertEquals("CD", CountryNames.code("Congo, Democratic Republic of the"));
        assertEquals("CD", CountryNames.code("Democratic Republic of the Congo"));
        assertEquals("IR", CountryNames.code("Iran (Islamic Republic of)"));
        assertEquals("TZ", CountryNames.code("United Republic of Tanzania"));
        assertEquals("CI", CountryNames.code("Cote d Ivoire"));
        assertEquals("CI", CountryNames.code("Côte d’Ivoire"));
        assertEquals("MM", CountryNames.code("Burma"));
        assertEquals("UA", CountryNames.code("Region: Crimea"));
        assertEquals("CN", CountryNames.code("china"));
        assertEquals("GB", CountryNames.code("United Kingdom"));
        assertNull(CountryNames.code("undetermined"));
        assertNull(CountryNames.code(null));
    }
}
