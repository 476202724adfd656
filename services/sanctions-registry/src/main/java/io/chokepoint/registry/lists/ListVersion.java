package io.chokepoint.registry.lists;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One version of the lists: the changes of one transaction (a manual change, or a whole import).
 * Ids read {@code 2026-11-28.0001} (UTC day, then the day's count); {@code seq} orders all versions.
 */
@Entity
@Table(name = "list_version")
public class ListVersion extends PanacheEntityBase {

    @Id
    public String id;
    public long seq;
    public String source;
    public String actor;
    public String description;
    @Column(name = "created_at")
    public Instant createdAt;
    public int added;
    public int changed;
    public int removed;
}
