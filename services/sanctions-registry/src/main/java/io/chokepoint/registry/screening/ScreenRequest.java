package io.chokepoint.registry.screening;

import io.chokepoint.model.shipment.PartyIdentifier;

import java.util.List;

/** A name to screen, as posted to {@code /api/v1/screen}; only {@code name} is required. */
public record ScreenRequest(
        String name,
        String type,
        String country,
        List<PartyIdentifier> identifiers,
        Double threshold,
        Integer limit) {
}
