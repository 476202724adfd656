package io.chokepoint.registry.shipments;

import io.chokepoint.model.shipment.PartyRole;
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
import java.util.List;

/** A shipment party as screened, so that a rescreen after a list change can find recent parties again. */
@Entity
@Table(name = "screened_party")
public class ScreenedParty extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "shipment_id")
    public String shipmentId;
    @Column(name = "assessment_event_id")
    public String assessmentEventId;
    @Enumerated(EnumType.STRING)
    public PartyRole role;
    public String name;
    /** Normalised name key: a rescreen screens each distinct name once. */
    @Column(name = "name_key")
    public String nameKey;
    public String country;
    @Column(name = "screened_at")
    public Instant screenedAt;

    /** Parties screened at or after the instant, oldest first: the input of a rescreen. */
    public static List<ScreenedParty> screenedSince(Instant since) {
        return list("screenedAt >= ?1 order by screenedAt, id", since);
    }
}
