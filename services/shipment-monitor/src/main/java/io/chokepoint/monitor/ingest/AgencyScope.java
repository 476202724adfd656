package io.chokepoint.monitor.ingest;

import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.platform.security.Caller;
import jakarta.ws.rs.ForbiddenException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a partner may push: events its own agency reports. The agency is the token's {@code agency} claim, which the
 * identity provider vouches for, while {@code reportingAgency} is only what the body says; an event naming another
 * agency would be stored, published and screened as that agency's report, so it is refused (403) and nothing of the
 * request is stored. The check runs on events that passed validation: an invalid event is refused for its fields
 * first, so the partner learns everything that is wrong with it.
 */
public final class AgencyScope {

    /** Offending events of a batch described in full in the 403 message; the others are named by index only. */
    static final int DESCRIBED = 20;

    private final String agency;

    public AgencyScope(String agency) {
        this.agency = Objects.requireNonNull(agency, "agency");
    }

    /** The caller's agency; 403 when its token carries no agency claim. */
    public static AgencyScope of(Caller caller) {
        return new AgencyScope(caller.requireAgency());
    }

    public String agency() {
        return agency;
    }

    public boolean admits(ShipmentEvent event) {
        return agency.equals(event.reportingAgency());
    }

    /** 403 naming the mismatch when the event was reported by another agency. */
    public void admit(ShipmentEvent event) {
        if (!admits(event)) {
            throw new ForbiddenException("Forbidden: event " + event.eventId() + ": " + mismatch(event));
        }
    }

    /**
     * Admits a batch whole or not at all, before any of it is recorded, so a refused batch leaves nothing behind.
     *
     * @param events the batch's events at their index; null where an event is refused for its fields anyway
     * @throws ForbiddenException naming each offending event by index and eventId
     */
    public void admitBatch(List<ShipmentEvent> events) {
        List<Integer> offending = new ArrayList<>();
        for (int index = 0; index < events.size(); index++) {
            ShipmentEvent event = events.get(index);
            if (event != null && !admits(event)) {
                offending.add(index);
            }
        }
        if (offending.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Forbidden: the batch is refused whole and none of its events was"
                + " stored, as ").append(offending.size()).append(offending.size() == 1 ? " event reports" : " events report")
                .append(" for another agency: ");
        List<String> described = offending.stream().limit(DESCRIBED)
                .map(index -> "index " + index + " (eventId " + events.get(index).eventId() + "): "
                        + mismatch(events.get(index)))
                .toList();
        message.append(String.join("; ", described));
        if (offending.size() > DESCRIBED) {
            message.append("; and at index ").append(String.join(", ",
                    offending.subList(DESCRIBED, offending.size()).stream().map(String::valueOf).toList()));
        }
        throw new ForbiddenException(message.toString());
    }

    private String mismatch(ShipmentEvent event) {
        return "reportingAgency " + event.reportingAgency() + " is not the caller's agency " + agency;
    }
}
