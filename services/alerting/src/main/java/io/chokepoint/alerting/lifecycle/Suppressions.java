package io.chokepoint.alerting.lifecycle;

import io.chokepoint.model.alert.PartySuppressionChanged;
import io.chokepoint.alerting.alerts.Alert;
import io.chokepoint.alerting.alerts.AlertDetail;
import io.chokepoint.alerting.alerts.AlertEvent;
import io.chokepoint.alerting.alerts.StandingSuppressions;
import io.chokepoint.platform.outbox.OutboundEvent;
import io.chokepoint.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Publishes and lifts false-positive suppressions through the outbox, in the transaction of the officer's change.
 * <p>
 * The changes of one key are serialised by an advisory lock held until commit: two officers lifting and adding
 * suppressions of the same name and entity at once commit one after the other, each seeing the other's row, so
 * the outbox holds their records in commit order and the last record of the key tells the truth.
 */
@ApplicationScoped
public class Suppressions implements StandingSuppressions {

    private static final Logger LOG = Logger.getLogger(Suppressions.class);

    private final Outbox outbox;
    private final EntityManager entityManager;

    public Suppressions(Outbox outbox, EntityManager entityManager) {
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    @Override
    public Optional<AlertDetail.Suppression> of(UUID alertId) {
        return PartySuppression.standingFor(alertId).map(s -> new AlertDetail.Suppression(s.key(), s.partyName,
                s.entityId, s.createdBy, s.createdAt));
    }

    /** Suppresses the alert's party name for its entity; an alert without a party name has nothing to suppress. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suppress(Alert alert, String actor, String reasonText, Instant now) {
        if (alert.partyName == null || PartyNames.normalize(alert.partyName).isEmpty()) {
            LOG.warnf("Alert %s dismissed as a false positive has no party name to suppress", alert.id);
            return;
        }
        PartySuppression suppression = new PartySuppression();
        suppression.id = UUID.randomUUID();
        suppression.alertId = alert.id;
        suppression.entityId = alert.entityId;
        suppression.partyName = alert.partyName;
        suppression.normalizedName = PartyNames.normalize(alert.partyName);
        suppression.reasonText = reasonText;
        suppression.active = true;
        suppression.createdBy = actor;
        suppression.createdAt = now;
        lock(suppression.key());
        suppression.persist();
        history(alert, AlertEvent.Kind.SUPPRESSED, now, actor, reasonText, "Suppressed \"" + alert.partyName
                + "\" for entity " + alert.entityId + " as a false positive");
        publish(alert, suppression, true, reasonText, actor, now);
    }

    /** Lifts the suppression the alert stands behind; false when it has none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lift(Alert alert, String actor, String reason, Instant now) {
        Optional<PartySuppression> standing = PartySuppression.standingFor(alert.id);
        if (standing.isEmpty()) {
            return false;
        }
        PartySuppression lifted = standing.get();
        lock(lifted.key());
        lifted.active = false;
        lifted.liftedBy = actor;
        lifted.liftedAt = now;
        lifted.liftReason = reason;
        entityManager.flush();
        history(alert, AlertEvent.Kind.SUPPRESSION_LIFTED, now, actor, reason, "Lifted the suppression of \""
                + lifted.partyName + "\" for entity " + lifted.entityId);
        Optional<PartySuppression> still = PartySuppression.latestStanding(lifted.entityId, lifted.normalizedName);
        if (still.isPresent()) {
            Alert other = Alert.findById(still.get().alertId);
            publish(other, still.get(), true, still.get().reasonText, actor, now);
        } else {
            publish(alert, lifted, false, reason, actor, now);
        }
        return true;
    }

    private void publish(Alert alert, PartySuppression suppression, boolean active, String reason, String actor,
                         Instant now) {
        PartySuppressionChanged event = new PartySuppressionChanged(UUID.randomUUID().toString(),
                suppression.key(), suppression.entityId, suppression.partyName, suppression.normalizedName, active,
                suppression.alertId.toString(), alert.shipmentId, alert.partyRole, alert.partyCountry, reason,
                actor, now);
        outbox.enqueue(OutboundEvent.of(PartySuppressionChanged.TOPIC, event.key(), event)
                .withId(event.eventId()).withSubject(event.key()));
    }

    private static void history(Alert alert, AlertEvent.Kind kind, Instant now, String actor, String reason,
                                String summary) {
        AlertEvent event = AlertEvent.byActor(alert.id, kind, now, actor, summary);
        event.reasonText = reason;
        event.persist();
    }

    /** Held until the transaction ends. */
    private void lock(String key) {
        entityManager.createNativeQuery(
                        "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                .setParameter("key", "suppression:" + key)
                .getSingleResult();
    }
}
