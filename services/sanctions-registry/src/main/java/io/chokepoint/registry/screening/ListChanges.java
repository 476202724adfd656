package io.chokepoint.registry.screening;

import io.chokepoint.registry.entities.EntityView;
import io.chokepoint.registry.entities.SanctionedEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.util.List;

/**
 * What the database holds for the screening index, whichever instance committed it. List versions are issued under a
 * row lock held until their commit, so a version visible here has every version before it visible too: reading the
 * newest version first, then the entities, never finds a version without its changes.
 */
@ApplicationScoped
class ListChanges {

    /** A committed list version: its id and sequence number. */
    record Head(String id, long seq) {
    }

    @Inject
    EntityManager em;

    /** The newest committed list version; null while there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    Head newest() {
        List<Object[]> newest = em.createQuery("select v.id, v.seq from ListVersion v order by v.seq desc",
                Object[].class).setMaxResults(1).getResultList();
        return newest.isEmpty() ? null : new Head((String) newest.get(0)[0], (Long) newest.get(0)[1]);
    }

    /** Every entity, listed or delisted, as the index takes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<ScreenableEntity> all() {
        return read("from SanctionedEntity", null);
    }

    /**
     * The entities changed by the versions after this sequence number, in their current state (an entity changed by
     * two of them once, as the later left it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<ScreenableEntity> changedAfter(long seq) {
        return read("from SanctionedEntity e where e.listVersion in"
                + " (select v.id from ListVersion v where v.seq > :seq)", seq);
    }

    private List<ScreenableEntity> read(String query, Long seq) {
        var select = em.unwrap(Session.class).createSelectionQuery(query, SanctionedEntity.class).setReadOnly(true);
        if (seq != null) {
            select.setParameter("seq", seq);
        }
        return select.getResultStream().map(EntityView::of).map(ListChanges::screenable).toList();
    }

    static ScreenableEntity screenable(EntityView e) {
        return ScreenableEntity.of(e.entityId(), e.source(), e.sourceId(), e.type(), e.name(), e.aliases(),
                e.countries(), e.addresses(), e.identifiers(), e.programs(), e.revision(), e.listed());
    }
}
