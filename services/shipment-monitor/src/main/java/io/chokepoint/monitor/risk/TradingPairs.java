package io.chokepoint.monitor.risk;

import io.chokepoint.model.shipment.Party;
import io.chokepoint.monitor.codes.PartyName;
import io.chokepoint.platform.persistence.AnyOf;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Remembers which exporter-consignee pairs this service has seen, and which shipment paired them first. That
 * shipment keeps the first-time indicator through all its re-assessments; every later shipment of the pair has
 * none. Pairs seen before this table existed are learnt from their next shipment on.
 */
@ApplicationScoped
public class TradingPairs {

    /** An exporter and a consignee, each by its name key and country. */
    record Pair(String exporterKey, String consigneeKey) {

        static Pair of(Party exporter, Party consignee) {
            return exporter == null || consignee == null ? null : new Pair(key(exporter), key(consignee));
        }
    }

    /**
     * The first shipments of the pairs a batch of events names, read in one query before any is recorded, so that
     * a pair already known costs no round trip; a pair not among them is looked up (and recorded) on its own.
     */
    public static final class Known {

        private final Map<Pair, UUID> firstShipment;

        private Known(Map<Pair, UUID> firstShipment) {
            this.firstShipment = firstShipment;
        }
    }

    /** Reads the first shipments of these exporter-consignee pairs ({@code [exporter, consignee]}), in one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Known knownOf(Collection<Party[]> parties) {
        List<Pair> pairs = parties.stream().map(pair -> Pair.of(pair[0], pair[1])).filter(Objects::nonNull)
                .distinct().toList();
        Map<Pair, UUID> first = new HashMap<>();
        if (pairs.isEmpty()) {
            return new Known(first);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("select exporter_key, consignee_key,"
                        + " first_shipment_id from trading_pair where exporter_key = any(cast(?1 as text[]))"
                        + " and consignee_key = any(cast(?2 as text[]))")
                .setParameter(1, AnyOf.keys(pairs.stream().map(Pair::exporterKey).toList()))
                .setParameter(2, AnyOf.keys(pairs.stream().map(Pair::consigneeKey).toList()))
                .getResultList();
        for (Object[] row : rows) {
            first.put(new Pair((String) row[0], (String) row[1]), asUuid(row[2]));
        }
        return new Known(first);
    }

    /**
     * Records the pair for the shipment if it is new (table {@code trading_pair}: the two party keys, the first
     * shipment, when) and answers whether the shipment is the first of it. Two first shipments of one pair at once:
     * the insert of the second waits for the first to commit, then does nothing, and the second is not first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isFirstFor(Known known, Party exporter, Party consignee, UUID shipmentId, Instant now) {
        Pair pair = Pair.of(exporter, consignee);
        if (pair == null) {
            return false;
        }
        UUID first = known.firstShipment.computeIfAbsent(pair, unknown -> record(unknown, shipmentId, now));
        return shipmentId.equals(first);
    }

    private static UUID record(Pair pair, UUID shipmentId, Instant now) {
        Panache.getEntityManager().createNativeQuery("insert into trading_pair (exporter_key, consignee_key,"
                        + " first_shipment_id, first_seen_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, pair.exporterKey())
                .setParameter(2, pair.consigneeKey())
                .setParameter(3, shipmentId)
                .setParameter(4, now)
                .executeUpdate();
        Object first = Panache.getEntityManager().createNativeQuery("select first_shipment_id from trading_pair"
                        + " where exporter_key = ?1 and consignee_key = ?2")
                .setParameter(1, pair.exporterKey())
                .setParameter(2, pair.consigneeKey())
                .getSingleResult();
        return asUuid(first);
    }

    private static UUID asUuid(Object column) {
        return column instanceof UUID id ? id : UUID.fromString(String.valueOf(column));
    }

    static String key(Party party) {
        return PartyName.key(party.name()) + "|" + (party.country() == null ? "" : party.country());
    }
}
