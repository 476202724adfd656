package io.chokepoint.registry.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A (party name, entity) pair dismissed as a false positive. */
@Entity
@Table(name = "screening_suppression")
public class Suppression extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** {@link NormalizedName#key()} of the party's name: spelling variants of one name share it. */
    @Column(name = "party_name_key")
    public String partyNameKey;
    @Column(name = "entity_id")
    public UUID entityId;
    public String reason;
    public String actor;
    @Column(name = "created_at")
    public Instant createdAt;
}
