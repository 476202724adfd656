package io.chokepoint.registry.entities;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One entry of a sanctions list. Never deleted: delisting keeps it, readable, with status DELISTED. */
@Entity
@Table(name = "sanctioned_entity")
public class SanctionedEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String source;
    @Column(name = "source_id")
    public String sourceId;
    @Enumerated(EnumType.STRING)
    public EntityType type;
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Alias> aliases = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> countries = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Address> addresses = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Identifier> identifiers = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> programs = new ArrayList<>();
    public String remarks;
    @Column(name = "listed_on")
    public LocalDate listedOn;
    @Enumerated(EnumType.STRING)
    public EntityStatus status;
    @Column(name = "delisted_at")
    public Instant delistedAt;
    /** The list version that last changed this entity. */
    @Column(name = "list_version")
    public String listVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Grows with every change; also guards against lost updates. */
    @Version
    public long revision;

    public static SanctionedEntity listed(String source, String sourceId, EntityContent content, Instant now) {
        SanctionedEntity entity = new SanctionedEntity();
        entity.id = UUID.randomUUID();
        entity.source = source;
        entity.sourceId = sourceId;
        entity.status = EntityStatus.LISTED;
        entity.createdAt = now;
        entity.apply(content, now);
        return entity;
    }

    public static SanctionedEntity findBySourceId(String source, String sourceId) {
        return find("source = ?1 and sourceId = ?2", source, sourceId).firstResult();
    }

    public EntityContent content() {
        return new EntityContent(type, name, aliases, countries, addresses, identifiers, programs, remarks, listedOn);
    }

    public void apply(EntityContent content, Instant now) {
        type = content.type();
        name = content.name();
        aliases = new ArrayList<>(content.aliases());
        countries = new ArrayList<>(content.countries());
        addresses = new ArrayList<>(content.addresses());
        identifiers = new ArrayList<>(content.identifiers());
        programs = new ArrayList<>(content.programs());
        remarks = content.remarks();
        listedOn = content.listedOn();
        updatedAt = now;
    }

    public void delist(Instant now) {
        status = EntityStatus.DELISTED;
        delistedAt = now;
        updatedAt = now;
    }

    /** Back on the list after a delisting (an import that names it again): same row, history kept. */
    public void relist(Instant now) {
        status = EntityStatus.LISTED;
        delistedAt = null;
        updatedAt = now;
    }

    public boolean isListed() {
        return status == EntityStatus.LISTED;
    }
}
