package io.chokepoint.alerting.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** A screening result as received; kept so that its assessment may arrive after it. */
@Entity
@Table(name = "screening_result")
public class StoredScreeningResult extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "shipment_id")
    public String shipmentId;

    public int revision;

    @Column(name = "list_version")
    public String listVersion;

    public boolean late;

    @Column(name = "screened_at")
    public Instant screenedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** The {@code screening.results} event as received. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    /** Results that screened one revision of a shipment, oldest screening first, so that newer evidence is folded in last. */
    public static List<StoredScreeningResult> forRevision(String shipmentId, int revision) {
        return list("shipmentId = ?1 and revision = ?2", Sort.by("screenedAt").and("receivedAt").and("eventId"), shipmentId, revision);
    }
}
