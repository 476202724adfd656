package io.chokepoint.monitor.ingest;

import io.chokepoint.monitor.shipment.EventRefusal;
import io.chokepoint.monitor.shipment.ShipmentOwner;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How a partner's request hears of events refused for another agency's data ({@link EventRefusal}): 403 for a
 * shipment another agency owns, 409 for an eventId another agency's event holds (a conflict of keys: the partner
 * needs another eventId, and is told nothing of the other event). The body is {@code {"message"}}.
 */
final class AgencyRefusals {

    private AgencyRefusals() {
    }

    /** The answer to a single event. */
    static WebApplicationException of(EventRefusal refusal) {
        return refusal.rule() == EventRefusal.Rule.NOT_THE_OWNER
                ? new ForbiddenException("Forbidden: " + refusal.message())
                : new ClientErrorException(refusal.message(), Response.Status.CONFLICT);
    }

    /**
     * Refuses a batch whole when any of its events is refused, before any of it is recorded: 403 when one would
     * touch another agency's shipment, else 409. Each refused event is named by index and eventId, the rule once.
     *
     * @param refusals the refusal at each index of the batch, null where there is none
     */
    static void refuseBatchIfAny(List<EventRefusal> refusals) {
        List<Integer> refused = IntStream.range(0, refusals.size()).filter(index -> refusals.get(index) != null)
                .boxed().toList();
        if (refused.isEmpty()) {
            return;
        }
        boolean forbidden = refused.stream()
                .anyMatch(index -> refusals.get(index).rule() == EventRefusal.Rule.NOT_THE_OWNER);
        StringBuilder message = new StringBuilder(forbidden ? "Forbidden: " : "")
                .append("the batch is refused whole and none of its events was stored, as ").append(refused.size())
                .append(refused.size() == 1 ? " event touches" : " events touch").append(" another agency's data: ");
        List<String> described = new ArrayList<>();
        refused.stream().limit(AgencyScope.DESCRIBED).forEach(index -> described.add("index " + index + " (eventId "
                + refusals.get(index).eventId() + "): " + refusals.get(index).reason()));
        message.append(String.join("; ", described));
        if (refused.size() > AgencyScope.DESCRIBED) {
            message.append("; and at index ").append(String.join(", ",
                    refused.subList(AgencyScope.DESCRIBED, refused.size()).stream().map(String::valueOf).toList()));
        }
        if (forbidden) {
            message.append(". The rule: ").append(ShipmentOwner.RULE);
        }
        String text = message.toString();
        throw forbidden ? new ForbiddenException(text) : new ClientErrorException(text, Response.Status.CONFLICT);
    }
}
