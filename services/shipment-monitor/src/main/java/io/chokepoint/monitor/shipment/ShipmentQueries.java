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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads shipments for the API. */
@ApplicationScoped
public class ShipmentQueries {

    /**
     * Optional filters of the shipment list; null means any.
     *
     * @param country   a country any party, the origin or the destination is in
     * @param substance a catalog item code found in the latest assessment
     * @param from      inclusive: the shipment has an event that occurred at or after it...
     * @param to        exclusive: ...and before this
     */
    public record Filter(String reportingAgency, String declarationId, Boolean flagged, String country,
                         String substance, Instant from, Instant to) {
    }

    /** Upper bound of a period given only its start; later than any occurredAt a partner can send. */
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T23:59:59Z");

    @Inject
    ObjectMapper mapper;

    /** The shipment, when it exists and is in the caller's scope. */
    @Transactional
    public Optional<ShipmentViews.ShipmentDetails> details(UUID shipmentId, ReadScope scope) {
        return Shipment.<Shipment>findByIdOptional(shipmentId)
                .filter(shipment -> scope.agency().isEmpty() || scope.shows(RecordedEvent.agenciesOf(shipment.id)))
                .map(shipment -> new ShipmentViews.ShipmentDetails(
                        shipment.id.toString(), shipment.declarationId, shipment.reportingAgency, shipment.status,
                        shipment.statusAt, shipment.isCancelled(), shipment.cancelledAt, shipment.flagged,
                        shipment.lastRevision, shipment.createdAt, shipment.updatedAt,
                        shipment.state == null ? null : read(shipment.state, ShipmentState.class),
                        history(shipment.id),
                        Assessment.latestOf(shipment.id).map(a -> read(a.payload, ShipmentAssessed.class))
                                .orElse(null)));
    }

    /**
     * A page of the shipments in the caller's scope that pass the filter. A partner's scope is an EXISTS on the
     * events of its agency, served by the index on the events' agency and shipment.
     */
    @Transactional
    public ShipmentViews.ShipmentPage list(Filter filter, ReadScope scope, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        scope.agency().ifPresent(reader -> {
            conditions.add("exists (select 1 from RecordedEvent r where r.shipmentId = s.id"
                    + " and r.reportingAgency = :reader)");
            parameters.and("reader", reader);
        });
        if (filter.reportingAgency() != null) {
            conditions.add("s.reportingAgency = :agency");
            parameters.and("agency", filter.reportingAgency());
        }
        if (filter.declarationId() != null) {
            conditions.add("s.declarationId = :declaration");
            parameters.and("declaration", filter.declarationId());
        }
        if (filter.flagged() != null) {
            conditions.add("s.flagged = :flagged");
            parameters.and("flagged", filter.flagged());
        }
        if (filter.country() != null) {
            conditions.add("s.id in (select c.shipmentId from ShipmentCountry c where c.term = :country)");
            parameters.and("country", filter.country());
        }
        if (filter.substance() != null) {
            conditions.add("s.id in (select g.shipmentId from ShipmentSubstance g where g.term = :substance)");
            parameters.and("substance", filter.substance());
        }
        if (filter.from() != null || filter.to() != null) {
            conditions.add("s.id in (select e.shipmentId from RecordedEvent e where e.occurredAt >= :from"
                    + " and e.occurredAt < :to)");
            parameters.and("from", filter.from() == null ? Instant.EPOCH : filter.from());
            parameters.and("to", filter.to() == null ? FAR_FUTURE : filter.to());
        }
        Sort newestFirst = Sort.descending("updatedAt").and("id");
        PanacheQuery<Shipment> query = conditions.isEmpty()
                ? Shipment.findAll(newestFirst)
                : Shipment.find("from Shipment s where " + String.join(" and ", conditions), newestFirst, parameters);
        query.page(Page.of(page, size));
        List<ShipmentViews.ShipmentSummary> items = query.list().stream().map(ShipmentViews.ShipmentSummary::of).toList();
        return new ShipmentViews.ShipmentPage(page, size, query.count(), query.pageCount(), items);
    }

    /** The history by occurrence, each event marked when it no longer shapes the shipment. */
    private List<ShipmentViews.HistoryEntry> history(UUID shipmentId) {
        ShipmentOwner owner = ShipmentOwner.of(RecordedEvent.asReceived(shipmentId));
        return RecordedEvent.historyOf(shipmentId).stream()
                .map(event -> new ShipmentViews.HistoryEntry(event.eventId, event.eventType, event.reportingAgency,
                        event.occurredAt, event.receivedAt, event.channel, event.assessmentRevision,
                        owner.inForce(event) ? null : Boolean.TRUE, read(event.rawJson, JsonNode.class)))
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
