package io.chokepoint.registry.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The last state of one suppression key of alerting ({@code <entityId>|<declared name key>}): a (party name, entity)
 * pair dismissed as a false positive while active, lifted otherwise.
 */
@Entity
@Table(name = "screening_suppression")
public class Suppression extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** {@code <entityId>|<declared name key>}, the key of the record on {@code alerts.suppressions}. */
    @Column(name = "suppression_key")
    public String suppressionKey;
    /** The party name as declared on the shipment, when known. */
    @Column(name = "party_name")
    public String partyName;
    /** {@link NormalizedName#key()} of the party's name: spelling variants of one name share it. */
    @Column(name = "party_name_key")
    public String partyNameKey;
    /** {@link DeclaredNames#key} of the party's name, as alerting keys it; null for rows of before. */
    @Column(name = "declared_name_key")
    public String declaredNameKey;
    @Column(name = "entity_id")
    public UUID entityId;
    public boolean active;
    public String reason;
    public String actor;
    /** The alert whose dismissal the suppression rests on (the lifted one when inactive). */
    @Column(name = "alert_id")
    public String alertId;
    /** The event that set this state. */
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "created_at")
    public Instant createdAt;
    /** When alerting changed the state: an older state never replaces a newer one. */
    @Column(name = "changed_at")
    public Instant changedAt;
    /**
     * The number of the row's last change, from {@code suppression_change_counter}, given under that row's lock until
     * the commit: numbers become visible in the order they were given.
     */
    @Column(name = "change_seq")
    public long changeSeq;

    static Suppression findByKey(String suppressionKey) {
        return find("suppressionKey", suppressionKey).firstResult();
    }

    /** The rows changed after this change number, in change order. */
    static List<Suppression> changedAfter(long changeSeq) {
        return list("changeSeq > ?1 order by changeSeq", changeSeq);
    }
}
