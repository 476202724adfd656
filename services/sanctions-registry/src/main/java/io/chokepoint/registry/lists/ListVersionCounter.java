package io.chokepoint.registry.lists;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * The single row that issues list version ids. Issuing locks it until the transaction ends, so versions are
 * issued one at a time and version order is commit order.
 */
@Entity
@Table(name = "list_version_counter")
class ListVersionCounter extends PanacheEntityBase {

    private static final short THE_ROW = 1;

    @Id
    public short id;
    @Column(name = "last_seq")
    public long lastSeq;
    public LocalDate day;
    @Column(name = "day_seq")
    public int daySeq;

    static ListVersionCounter lock() {
        return findById(THE_ROW, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Moves to the next version; the day never goes back, even if the clock does. */
    String next(LocalDate today) {
        lastSeq++;
        if (day == null || today.isAfter(day)) {
            day = today;
            daySeq = 1;
        } else {
            daySeq++;
        }
        return String.format("%s.%04d", day, daySeq);
    }
}
