package io.chokepoint.monitor.shipment;

import jakarta.ws.rs.ForbiddenException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadScopeTest {

    private final ReadScope cnGacc = ReadScope.agency("CN-GACC");

    @Test
    void aPartnerSeesTheShipmentsItsAgencyReportedAnEventOf() {
        assertTrue(cnGacc.shows(Set.of("CN-GACC")));
        assertTrue(cnGacc.shows(List.of("MX-ANAM", "CN-GACC")), "another agency's shipment it reported on");
        assertFalse(cnGacc.shows(Set.of("MX-ANAM", "KR-KCS")));
        assertFalse(cnGacc.shows(Set.of("cn-gacc")), "codes are compared exactly");
        assertTrue(ReadScope.ALL.shows(Set.of("MX-ANAM")));
    }

    @Test
    void aPartnersListFiltersTheOwnerOnlyWhenAsked() {
        assertNull(cnGacc.listFilter(null), "the scope alone applies");
        assertEquals("CN-GACC", cnGacc.listFilter("CN-GACC"));
        assertNull(ReadScope.ALL.listFilter(null));
        assertEquals("MX-ANAM", ReadScope.ALL.listFilter("MX-ANAM"));
    }

    @Test
    void aPartnerAskingForAnotherAgencyIsRefusedNamingBoth() {
        ForbiddenException refused = assertThrows(ForbiddenException.class, () -> cnGacc.listFilter("MX-ANAM"));
        assertEquals(403, refused.getResponse().getStatus());
        assertEquals("Forbidden: reportingAgency MX-ANAM is not the caller's agency CN-GACC", refused.getMessage());
    }
}
