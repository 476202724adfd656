package io.chokepoint.alerting.alerts;

import io.chokepoint.alerting.rules.AlertType;
import io.chokepoint.platform.persistence.AnyOf;
import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alerts of the shipments a poll handles, read and locked together the first time one of its findings needs
 * an alert, then looked up in memory: one query a poll instead of one locking query a finding (each of which also
 * flushed every entity the poll had touched). Alerts raised in the transaction join it. A shipment the poll did not
 * announce is read on its own, as before.
 */
@TransactionScoped
public class AlertsInHand implements Serializable {

    private Set<String> announced = Set.of();
    private transient Map<Key, Alert> byKey;

    /** The poll's shipments; nothing is read until a finding asks. */
    public void announce(Collection<String> shipmentIds) {
        announced = Set.copyOf(shipmentIds);
        byKey = null;
    }

    /**
     * The alert of this finding key, locked until the transaction ends. The caller holds the alert sequence's lock
     * already ({@link AlertChanges#begin()}), which is taken before any alert row.
     */
    Optional<Alert> find(String shipmentId, AlertType type, String partyRole, String entityId) {
        if (!announced.contains(shipmentId)) {
            return Alert.findByKey(shipmentId, type, partyRole, entityId);
        }
        if (byKey == null) {
            byKey = new HashMap<>();
            lockedOf(announced).forEach(this::add);
        }
        return Optional.ofNullable(byKey.get(new Key(shipmentId, type, partyRole, entityId)));
    }

    /** A new alert of an announced shipment, so that a later finding of the poll updates it. */
    void add(Alert alert) {
        if (byKey != null) {
            byKey.put(new Key(alert.shipmentId, alert.type, alert.partyRole, alert.entityId), alert);
        }
    }

    /** In id order, so that two transactions locking overlapping sets take the rows in the same order. */
    private static List<Alert> lockedOf(Collection<String> shipmentIds) {
        return AnyOf.rows(Alert.class, "select * from alert where shipment_id = any(cast(?1 as text[]))"
                + " order by id for update", shipmentIds);
    }

    private record Key(String shipmentId, AlertType type, String partyRole, String entityId) {
    }
}
