package io.chokepoint.monitor.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AgencyTagTest {

    @Test
    void aWellFormedAgencyCodeIsItsOwnTag() {
        AgencyTag tags = new AgencyTag(10);

        assertEquals("CN-GACC", tags.of("CN-GACC"));
        assertEquals("US-CBP", tags.of("US-CBP"));
        assertEquals("MX-ANAM2", tags.of("MX-ANAM2"));
    }

    @Test
    void anythingElseIsUnknown() {
        AgencyTag tags = new AgencyTag(10);

        assertEquals(AgencyTag.UNKNOWN, tags.of(null));
        assertEquals(AgencyTag.UNKNOWN, tags.of(""));
        assertEquals(AgencyTag.UNKNOWN, tags.of("cn-gacc"), "codes are written in capitals");
        assertEquals(AgencyTag.UNKNOWN, tags.of("XX-GACC"), "XX is no country");
        assertEquals(AgencyTag.UNKNOWN, tags.of("CN-GACC 2"));
        assertEquals(AgencyTag.UNKNOWN, tags.of("General Administration of Customs"));
        assertEquals(AgencyTag.UNKNOWN, tags.of("CN-" + "A".repeat(17)));
    }

    @Test
    void agenciesPastTheLimitAreOtherWhileThoseNamedBeforeKeepTheirTag() {
        AgencyTag tags = new AgencyTag(2);

        assertEquals("CN-GACC", tags.of("CN-GACC"));
        assertEquals("US-CBP", tags.of("US-CBP"));
        assertEquals(AgencyTag.OTHER, tags.of("MX-ANAM"));
        assertEquals(AgencyTag.OTHER, tags.of("DE-ZOLL"));
        assertEquals("CN-GACC", tags.of("CN-GACC"));
    }
}
