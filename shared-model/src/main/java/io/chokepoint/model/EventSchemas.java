package io.chokepoint.model;

import io.chokepoint.model.alert.AlertRaised;
import io.chokepoint.model.alert.PartySuppressionChanged;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.sanctions.ListVersionPublished;
import io.chokepoint.model.sanctions.SanctionedEntityChanged;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.model.shipment.ShipmentEvent;

import java.util.Map;

/** Where the JSON Schema of each event type lives on the classpath of this module. */
public final class EventSchemas {

    private static final Map<Class<?>, String> SCHEMAS = Map.of(
            ShipmentEvent.class, "/schemas/shipment-event.schema.json",
            ShipmentAssessed.class, "/schemas/shipment-assessed.schema.json",
            ScreeningResult.class, "/schemas/screening-result.schema.json",
            SanctionedEntityChanged.class, "/schemas/sanctioned-entity-changed.schema.json",
            ListVersionPublished.class, "/schemas/list-version-published.schema.json",
            AlertRaised.class, "/schemas/alert-raised.schema.json",
            PartySuppressionChanged.class, "/schemas/party-suppression-changed.schema.json");

    private EventSchemas() {
    }

    /** Classpath resource of the schema for an event type. */
    public static String resourceFor(Class<?> eventType) {
        String path = SCHEMAS.get(eventType);
        if (path == null) {
            throw new IllegalArgumentException(eventType.getName() + " is not a published event type");
        }
        return path;
    }

    /** Every event type that has a schema. */
    public static java.util.Set<Class<?>> eventTypes() {
        return SCHEMAS.keySet();
    }
}
