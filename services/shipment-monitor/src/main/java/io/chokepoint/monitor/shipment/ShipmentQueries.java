package io.chokepoint.monitor.shipment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.monitor.assessment.Assessment;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads shipments for the API. */
@ApplicationScoped
public class ShipmentQueries {

    /** Optional filters of the shipment list; null means any. */
    public record Filter(String reportingAgency, String declarationId, Boolean flagged) {
    }

    @Inject
    ObjectMapper mapper;

    @Transactional
    public Optional<ShipmentViews.ShipmentDetails> details(UUID shipmentId) {
        return Shipment.<Shipment>findByIdOptional(shipmentId).map(shipment -> new ShipmentViews.ShipmentDetails(
                shipment.id.toString(), shipment.declarationId, shipment.reportingAgency, shipment.status,
                shipment.flagged, shipment.lastRevision, shipment.createdAt, shipment.updatedAt,
                history(shipment.id),
                Assessment.latestOf(shipment.id).map(a -> read(a.payload, ShipmentAssessed.class)).orElse(null)));
    }

    @Transactional
    public ShipmentViews.ShipmentPage list(Filter filter, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.reportingAgency() != null) {
            conditions.add("reportingAgency = :agency");
            parameters.and("agency", filter.reportingAgency());
        }
        if (filter.declarationId() != null) {
            conditions.add("declarationId = :declaration");
            parameters.and("declaration", filter.declarationId());
        }
        if (filter.flagged() != null) {
            conditions.add("flagged = :flagged");
            parameters.and("flagged", filter.flagged());
        }
        Sort newestFirst = Sort.descending("updatedAt").and("id");
        PanacheQuery<Shipment> query = conditions.isEmpty()
                ? Shipment.findAll(newestFirst)
                : Shipment.find(String.join(" and ", conditions), newestFirst, parameters);
        query.page(Page.of(page, size));
        List<ShipmentViews.ShipmentSummary> items = query.list().stream().map(ShipmentViews.ShipmentSummary::of).toList();
        return new ShipmentViews.ShipmentPage(page, size, query.count(), query.pageCount(), items);
    }

    private List<ShipmentViews.HistoryEntry> history(UUID shipmentId) {
        return RecordedEvent.historyOf(shipmentId).stream()
                .map(event -> new ShipmentViews.HistoryEntry(event.eventId, event.eventType, event.reportingAgency,
                        event.occurredAt, event.receivedAt, event.channel, read(event.rawJson, JsonNode.class)))
                .toList();
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON is unreadable", e);
        }
    }
}
