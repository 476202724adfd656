package io.chokepoint.registry.shipments;

import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.platform.persistence.AnyOf;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A late result a rescreen published: what it reported counts as matched before for every later rescreen. */
@Entity
@Table(name = "late_screening_result")
public class LateScreeningResult extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;
    /** The list version whose rescreen published it. */
    @Column(name = "list_version")
    public String listVersion;
    @Column(name = "shipment_id")
    public String shipmentId;
    @Column(name = "assessment_event_id")
    public String assessmentEventId;
    @Column(name = "screened_at")
    public Instant screenedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public ScreeningResult payload;

    static LateScreeningResult of(String rescreenedVersion, ScreeningResult result) {
        LateScreeningResult late = new LateScreeningResult();
        late.eventId = result.eventId();
        late.listVersion = rescreenedVersion;
        late.shipmentId = result.shipmentId();
        late.assessmentEventId = result.assessmentEventId();
        late.screenedAt = result.screenedAt();
        late.payload = result;
        return late;
    }

    static List<LateScreeningResult> ofAssessments(Collection<String> assessmentEventIds) {
        return AnyOf.rows(LateScreeningResult.class, "select * from late_screening_result"
                + " where assessment_event_id = any(cast(?1 as text[]))", assessmentEventIds);
    }
}
