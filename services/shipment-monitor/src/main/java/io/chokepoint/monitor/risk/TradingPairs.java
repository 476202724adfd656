package io.chokepoint.monitor.risk;

import io.chokepoint.model.shipment.Party;
import io.chokepoint.monitor.codes.PartyName;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Remembers which exporter-consignee pairs this service has seen, and which shipment paired them first. That
 * shipment keeps the first-time indicator through all its re-assessments; every later shipment of the pair has
 * none. Pairs seen before this table existed are learnt from their next shipment on.
 */
@ApplicationScoped
public class TradingPairs {

    /**
     * Records the pair for the shipment if it is new (table {@code trading_pair}: the two party keys, the first
     * shipment, when) and answers whether the shipment is the first of it. Two first shipments of one pair at once:
     * the insert of the second waits for the first to commit, then does nothing, and the second is not first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isFirstFor(Party exporter, Party consignee, UUID shipmentId, Instant now) {
        if (exporter == null || consignee == null) {
            return false;
        }
        String exporterKey = key(exporter);
        String consigneeKey = key(consignee);
        Panache.getEntityManager().createNativeQuery("insert into trading_pair (exporter_key, consignee_key,"
                        + " first_shipment_id, first_seen_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, exporterKey)
                .setParameter(2, consigneeKey)
                .setParameter(3, shipmentId)
                .setParameter(4, now)
                .executeUpdate();
        Object first = Panache.getEntityManager().createNativeQuery("select first_shipment_id from trading_pair"
                        + " where exporter_key = ?1 and consignee_key = ?2")
                .setParameter(1, exporterKey)
                .setParameter(2, consigneeKey)
                .getSingleResult();
        return shipmentId.toString().equals(String.valueOf(first));
    }

    static String key(Party party) {
        return PartyName.key(party.name()) + "|" + (party.country() == null ? "" : party.country());
    }
}
