package io.chokepoint.monitor.shipment;

import jakarta.ws.rs.ForbiddenException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadScopeTest {

    private final ReadScope cnGacc = ReadScope.agency("CN-GACC");

    @Test
    void aPartnerSeesItsOwnAgencysShipmentsOnly() {
        assertTrue(cnGacc.shows("CN-GACC"));
        assertFalse(cnGacc.shows("MX-ANAM"));
        assertTrue(ReadScope.ALL.shows("MX-ANAM"));
    }

    @Test
    void aPartnersListIsFilteredToItsAgency() {
        assertEquals("CN-GACC", cnGacc.listFilter(null));
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
