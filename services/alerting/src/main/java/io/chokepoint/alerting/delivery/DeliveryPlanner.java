package io.chokepoint.alerting.delivery;

import io.chokepoint.alerting.alerts.NewAlert;
import io.chokepoint.alerting.alerts.SequencedAlert;
import io.chokepoint.alerting.subscriptions.Subscription;
import io.chokepoint.alerting.subscriptions.SubscriptionDeleted;
import io.chokepoint.alerting.subscriptions.Subscriptions;
import io.chokepoint.alerting.support.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Writes what each webhook subscription is owed, in the transaction that raised the alert: if the alert commits,
 * so do its deliveries, and a stop before they are sent only delays them. Sending is the dispatcher's, on its own
 * threads, never the consumer's.
 */
@ApplicationScoped
public class DeliveryPlanner {

    private static final Logger LOG = Logger.getLogger(DeliveryPlanner.class);

    private final Subscriptions subscriptions;
    private final JsonCodec json;

    public DeliveryPlanner(Subscriptions subscriptions, JsonCodec json) {
        this.subscriptions = subscriptions;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onNewAlert(@Observes NewAlert event) {
        SequencedAlert alert = event.alert();
        for (Subscription subscription : Subscription.liveWebhooks()) {
            if (subscriptions.criteriaOf(subscription).matches(alert)) {
                owe(subscription, alert);
            }
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

    private void owe(Subscription subscription, SequencedAlert alert) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.subscriptionId = subscription.id;
        delivery.alertId = UUID.fromString(alert.alert().alertId());
        delivery.alertSequence = alert.sequence();
        delivery.body = json.write(new WebhookBody(delivery.id.toString(), subscription.id.toString(),
                WebhookBody.ALERT_RAISED, alert.sequence(), now, alert.alert()));
        delivery.status = DeliveryStatus.PENDING;
        delivery.createdAt = now;
        delivery.nextAttemptAt = now;
        delivery.persist();
    }
}
