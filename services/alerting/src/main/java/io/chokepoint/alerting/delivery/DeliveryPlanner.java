package io.chokepoint.alerting.delivery;

import io.chokepoint.alerting.alerts.AlertChanged;
import io.chokepoint.alerting.alerts.AlertEvent;
import io.chokepoint.alerting.alerts.NewAlert;
import io.chokepoint.alerting.alerts.SequencedAlert;
import io.chokepoint.alerting.subscriptions.Subscription;
import io.chokepoint.alerting.subscriptions.SubscriptionDeleted;
import io.chokepoint.alerting.subscriptions.Subscriptions;
import io.chokepoint.alerting.subscriptions.WebhookEvent;
import io.chokepoint.alerting.support.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes what each webhook subscription is owed, in the transaction that raised or changed the alert: if the change
 * commits, so do its deliveries, and a stop before they are sent only delays them. Sending is the dispatcher's, on
 * its own threads, never the consumer's.
 * <p>
 * Every subscription gets the raises it matches; one that asked for {@code alert.updated} also gets status changes
 * and new evidence, which change what the alert says. Assignments and notes are the officers' own work and change
 * nothing in the alert's published shape: they are not sent.
 */
@ApplicationScoped
public class DeliveryPlanner {

    private static final Logger LOG = Logger.getLogger(DeliveryPlanner.class);
    private static final Set<AlertEvent.Kind> SENT_CHANGES = Set.of(AlertEvent.Kind.STATUS_CHANGED,
            AlertEvent.Kind.EVIDENCE_UPDATED);

    private final Subscriptions subscriptions;
    private final LiveWebhooks liveWebhooks;
    private final JsonCodec json;

    public DeliveryPlanner(Subscriptions subscriptions, LiveWebhooks liveWebhooks, JsonCodec json) {
        this.subscriptions = subscriptions;
        this.liveWebhooks = liveWebhooks;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onNewAlert(@Observes NewAlert event) {
        SequencedAlert alert = event.alert();
        owe(alert, alert.sequence(), WebhookEvent.ALERT_RAISED, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onAlertChanged(@Observes AlertChanged event) {
        if (SENT_CHANGES.contains(event.change())) {
            owe(event.alert(), event.position(), WebhookEvent.ALERT_UPDATED, event.change().name());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onSubscriptionDeleted(@Observes SubscriptionDeleted event) {
        long cancelled = WebhookDelivery.update("status = ?1, leaseUntil = null where subscriptionId = ?2 "
                        + "and status in ?3", DeliveryStatus.CANCELLED, event.subscriptionId(),
                List.of(DeliveryStatus.PENDING, DeliveryStatus.PARKED));
        LOG.infof("Cancelled %d undelivered webhook deliveries of deleted subscription %s", cancelled,
                event.subscriptionId());
    }

    private void owe(SequencedAlert alert, long position, WebhookEvent kind, String change) {
        for (Subscription subscription : liveWebhooks.get()) {
            if (subscriptions.eventsOf(subscription).contains(kind)
                    && subscriptions.criteriaOf(subscription).matches(alert)) {
                owe(subscription, alert, position, kind, change);
            }
        }
    }

    private void owe(Subscription subscription, SequencedAlert alert, long position, WebhookEvent kind,
                     String change) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.subscriptionId = subscription.id;
        delivery.alertId = UUID.fromString(alert.alert().alertId());
        delivery.alertSequence = position;
        delivery.event = kind.code();
        delivery.body = json.write(new WebhookBody(delivery.id.toString(), subscription.id.toString(),
                kind.code(), position, now, change, alert.alert()));
        delivery.status = DeliveryStatus.PENDING;
        delivery.createdAt = now;
        delivery.nextAttemptAt = now;
        delivery.persist();
    }
}
