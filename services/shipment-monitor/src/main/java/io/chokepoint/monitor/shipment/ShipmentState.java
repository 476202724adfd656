package io.chokepoint.monitor.shipment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.chokepoint.model.shipment.GoodsLine;
import io.chokepoint.model.shipment.Party;
import io.chokepoint.model.shipment.Route;
import io.chokepoint.model.shipment.ShipmentEvent;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a shipment is now, merged from all its events by {@link EventMerge}: its parties, its route and its goods.
 * This, not the latest event alone, is what is assessed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipmentState(
        Party exporter,
        Party consignee,
        Party notifyParty,
        Party intermediateConsignee,
        Party forwarder,
        Route route,
        List<GoodsLine> goods) {

    public static final ShipmentState EMPTY = new ShipmentState(null, null, null, null, null, null, List.of());

    public ShipmentState {
        goods = goods == null ? List.of() : List.copyOf(goods);
    }

    /** The merged state dressed as an event: the header (id, type, agency, time) of the event that led to it. */
    public ShipmentEvent asEventOf(ShipmentEvent trigger) {
        return new ShipmentEvent(trigger.eventId(), trigger.eventType(), trigger.declarationId(),
                trigger.reportingAgency(), trigger.occurredAt(), exporter, consignee, notifyParty,
                intermediateConsignee, forwarder, route, goods);
    }

    /** Every country the shipment touches by a party, its origin or its destination, for the list filter. */
    @JsonIgnore
    public Set<String> countries() {
        Set<String> countries = new TreeSet<>();
        Stream.of(exporter, consignee, notifyParty, intermediateConsignee, forwarder)
                .filter(party -> party != null && party.country() != null)
                .forEach(party -> countries.add(party.country()));
        if (route != null) {
            Stream.of(route.originCountry(), route.destinationCountry()).filter(c -> c != null).forEach(countries::add);
        }
        return countries;
    }
}
