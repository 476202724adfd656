package io.chokepoint.alerting.subscriptions;

import java.util.UUID;

/** Fired (CDI) inside the transaction that deletes a subscription, so that what it was owed is cancelled with it. */
public record SubscriptionDeleted(UUID subscriptionId, String actor) {
}
