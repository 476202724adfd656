package io.chokepoint.registry.shipments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A list version whose rescreen is done, written in the transaction of its late results' outbox rows: a version
 * without one is rescreened (again) after a restart, and one with it never is.
 */
@Entity
@Table(name = "list_version_rescreen")
public class ListVersionRescreen extends PanacheEntityBase {

    @Id
    @Column(name = "list_version")
    public String listVersion;
    public long seq;
    /** Shipments of the window whose parties were screened (none when the version added or changed nothing). */
    public int shipments;
    /** Parties screened, each distinct party once. */
    public int parties;
    /** Late results published: one per shipment with a new match. */
    @Column(name = "late_results")
    public int lateResults;
    @Column(name = "done_at")
    public Instant doneAt;

    static boolean isDone(String listVersion) {
        return findById(listVersion) != null;
    }

    /** The ids of committed list versions not rescreened yet, oldest first. */
    static List<String> pending() {
        return getEntityManager().createQuery("select v.id from ListVersion v where not exists"
                + " (select 1 from ListVersionRescreen r where r.listVersion = v.id) order by v.seq", String.class)
                .getResultList();
    }
}
