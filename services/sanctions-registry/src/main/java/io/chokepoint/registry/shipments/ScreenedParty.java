package io.chokepoint.registry.shipments;

import io.chokepoint.model.shipment.PartyRole;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
    /** The identifier values declared with the party, so that a rescreen asks what the screening asked. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> identifiers = new ArrayList<>();
    @Column(name = "screened_at")
    public Instant screenedAt;

    /** The parties of these assessments, in the order they were declared. */
    static List<ScreenedParty> ofAssessments(Collection<String> assessmentEventIds) {
        return AnyOf.rows(ScreenedParty.class, "select * from screened_party"
                + " where assessment_event_id = any(cast(?1 as text[])) order by id", assessmentEventIds);
    }
}
