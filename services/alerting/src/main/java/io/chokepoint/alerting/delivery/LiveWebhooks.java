package io.chokepoint.alerting.delivery;

import io.chokepoint.alerting.subscriptions.Subscription;
import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.List;

/**
 * The live webhook subscriptions as the current transaction first read them: a poll that raises hundreds of alerts
 * plans their deliveries against one read, not one query an alert. Subscriptions change in transactions of their
 * own, never in one that raises alerts.
 */
@TransactionScoped
class LiveWebhooks implements Serializable {

    private transient List<Subscription> live;

    List<Subscription> get() {
        if (live == null) {
            live = Subscription.liveWebhooks();
        }
        return live;
    }
}
