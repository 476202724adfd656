package io.chokepoint.registry.shipments;

import io.chokepoint.model.screening.ScreeningResult;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** The screening result of one assessment, kept to be re-emitted as is when the assessment is redelivered. */
@Entity
@Table(name = "screening_result")
public class StoredScreeningResult extends PanacheEntityBase {

    @Id
    @Column(name = "assessment_event_id")
    public String assessmentEventId;
    @Column(name = "result_event_id")
    public String resultEventId;
    @Column(name = "shipment_id")
    public String shipmentId;
    public int revision;
    @Column(name = "list_version")
    public String listVersion;
    @Column(name = "screened_at")
    public Instant screenedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public ScreeningResult payload;

    static StoredScreeningResult of(ScreeningResult result) {
        StoredScreeningResult stored = new StoredScreeningResult();
        stored.assessmentEventId = result.assessmentEventId();
        stored.resultEventId = result.eventId();
        stored.shipmentId = result.shipmentId();
        stored.revision = result.revision();
        stored.listVersion = result.listVersion();
        stored.screenedAt = result.screenedAt();
        stored.payload = result;
        return stored;
    }
}
