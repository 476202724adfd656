package io.chokepoint.monitor.shipment;

import io.chokepoint.platform.security.Caller;
import io.chokepoint.platform.security.Roles;
import jakarta.ws.rs.ForbiddenException;

import java.util.Collection;
import java.util.Optional;

/**
 * Which shipments a caller may read: an officer all of them; a partner those its own agency reported on, that is
 * with at least one event whose {@code reportingAgency} is the token's {@code agency} claim. So the agency that
 * declared a shipment sees it, and so do the transit and destination customs that reported its movements, each
 * seeing the whole shipment they took part in; an agency that took no part sees nothing of it, since one agency's
 * declarations are not another's to see. A shipment out of scope is unknown to a partner (404, as an id that does
 * not exist), so that a partner cannot learn which ids exist.
 *
 * @param agency the one agency whose events make a shipment readable; empty for all shipments
 */
public record ReadScope(Optional<String> agency) {

    public static final ReadScope ALL = new ReadScope(Optional.empty());

    public static ReadScope of(Caller caller) {
        return caller.is(Roles.OFFICER) ? ALL : agency(caller.requireAgency());
    }

    public static ReadScope agency(String agency) {
        return new ReadScope(Optional.of(agency));
    }

    /** Whether a shipment whose events these agencies reported is in scope. */
    public boolean shows(Collection<String> reportingAgencies) {
        return agency.map(reportingAgencies::contains).orElse(true);
    }

    /**
     * The filter on the shipments' own {@code reportingAgency} (their owner) that a list asks for: any, or for a
     * partner its own agency (the shipments it owns, among those it reported on). 403 naming the mismatch when a
     * partner asks for another agency's.
     */
    public String listFilter(String requested) {
        if (agency.isEmpty() || requested == null) {
            return requested;
        }
        String own = agency.get();
        if (!requested.equals(own)) {
            throw new ForbiddenException("Forbidden: reportingAgency " + requested + " is not the caller's agency "
                    + own);
        }
        return own;
    }
}
