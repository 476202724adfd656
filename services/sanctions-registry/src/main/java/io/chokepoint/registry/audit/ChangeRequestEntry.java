package io.chokepoint.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A recorded request to change the lists, as read back; {@link ChangeRequestLog} writes them. */
@Entity
@Immutable
@Table(name = "list_change_request")
public class ChangeRequestEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    public long seq;
    @Column(name = "received_at")
    public Instant receivedAt;
    public String actor;
    public String subject;
    @Column(name = "remote_address")
    public String remoteAddress;
    @Enumerated(EnumType.STRING)
    public ChangeAction action;
    @Column(name = "entity_id")
    public String entityId;
    public String source;
    public String format;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode files;
    @Enumerated(EnumType.STRING)
    public ChangeOutcome outcome;
    public int status;
    @Column(name = "list_version")
    public String listVersion;
    public String message;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode problems;
}
