package io.chokepoint.monitor.shipment;

import io.chokepoint.platform.security.Caller;
import io.chokepoint.platform.security.Roles;
import jakarta.ws.rs.ForbiddenException;

import java.util.Optional;

/**
 * Which shipments a caller may read: an officer all of them; a partner those its own agency reported (the token's
 * {@code agency} claim against the shipment's {@code reportingAgency}), since one agency's declarations are not
 * another's to see. Another agency's shipment is unknown to a partner (404, as an id that does not exist), so that
 * a partner cannot learn which ids exist.
 *
 * @param agency the one agency whose shipments may be read; empty for all
 */
public record ReadScope(Optional<String> agency) {

    public static final ReadScope ALL = new ReadScope(Optional.empty());

    public static ReadScope of(Caller caller) {
        return caller.is(Roles.OFFICER) ? ALL : agency(caller.requireAgency());
    }

    public static ReadScope agency(String agency) {
        return new ReadScope(Optional.of(agency));
    }

    public boolean shows(String reportingAgency) {
        return agency.map(own -> own.equals(reportingAgency)).orElse(true);
    }

    /**
     * The {@code reportingAgency} a list is filtered to: the one asked for, within the scope; for a partner its own
     * when it asks for none. 403 naming the mismatch when a partner asks for another agency's.
     */
    public String listFilter(String requested) {
        if (agency.isEmpty()) {
            return requested;
        }
        String own = agency.get();
        if (requested != null && !requested.equals(own)) {
            throw new ForbiddenException("Forbidden: reportingAgency " + requested + " is not the caller's agency "
                    + own);
        }
        return own;
    }
}
