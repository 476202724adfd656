package io.chokepoint.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One change to the lists: who, what, when, and the entity before and after. The snapshots are kept as
 * plain JSON, not as typed records, so that old entries stay readable when the entity model grows. Written by
 * {@link AuditLog}, only read here: immutable, and the table refuses updates and deletes.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant at;
    public String actor;
    @Enumerated(EnumType.STRING)
    public AuditAction action;
    @Column(name = "entity_id")
    public UUID entityId;
    @Column(name = "list_version")
    public String listVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode before;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode after;
    /** The request that made the change; null for entries written before requests were recorded. */
    @Column(name = "request_id")
    public UUID requestId;
}
