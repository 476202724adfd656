package io.chokepoint.monitor.shipment;

import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.model.shipment.ShipmentEventType;
import io.chokepoint.platform.persistence.AnyOf;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** An accepted partner event, in the shipment's history, with the JSON exactly as it was received. */
@Entity
@Table(name = "shipment_event")
public class RecordedEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, length = 64)
    public String eventId;

    @Column(name = "shipment_id", nullable = false)
    public UUID shipmentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false)
    public ShipmentEventType eventType;

    @Column(name = "reporting_agency", nullable = false)
    public String reportingAgency;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventChannel channel;

    @Column(name = "raw_json", nullable = false)
    public String rawJson;

    /** The revision of the assessment this event produced; null when it changed nothing that is assessed. */
    @Column(name = "assessment_revision")
    public Integer assessmentRevision;

    static RecordedEvent of(ShipmentEvent event, UUID shipmentId, String rawJson, EventChannel channel, Instant now) {
        RecordedEvent recorded = new RecordedEvent();
        recorded.eventId = event.eventId();
        recorded.shipmentId = shipmentId;
        recorded.eventType = event.eventType();
        recorded.reportingAgency = event.reportingAgency();
        recorded.occurredAt = event.occurredAt();
        recorded.receivedAt = now;
        recorded.channel = channel;
        recorded.rawJson = rawJson;
        return recorded;
    }

    static Optional<RecordedEvent> findByEventId(String eventId) {
        return find("eventId", eventId).firstResultOptional();
    }

    /** The stored events with these eventIds. */
    static List<RecordedEvent> withEventIds(Collection<String> eventIds) {
        return AnyOf.rows(RecordedEvent.class, "select * from shipment_event where event_id = any(cast(?1 as text[]))",
                eventIds);
    }

    /** The agencies that reported the shipment's events. */
    static List<String> agenciesOf(UUID shipmentId) {
        return getEntityManager().createQuery("select distinct e.reportingAgency from RecordedEvent e"
                        + " where e.shipmentId = :shipment", String.class)
                .setParameter("shipment", shipmentId)
                .getResultList();
    }

    /** The shipment's events in the order they were received. */
    static List<RecordedEvent> asReceived(UUID shipmentId) {
        return list("shipmentId = ?1 order by id", shipmentId);
    }

    /** The events of these shipments, each shipment's in the order they were received. */
    static Map<UUID, List<RecordedEvent>> asReceived(Collection<UUID> shipmentIds) {
        return AnyOf.rows(RecordedEvent.class, "select * from shipment_event"
                        + " where shipment_id = any(cast(?1 as uuid[])) order by id", shipmentIds).stream()
                .collect(Collectors.groupingBy(event -> event.shipmentId, Collectors.toCollection(ArrayList::new)));
    }

    /** The shipment's history: by occurrence, then as received. */
    static List<RecordedEvent> historyOf(UUID shipmentId) {
        return list("shipmentId = ?1 order by occurredAt, id", shipmentId);
    }
}
