package io.chokepoint.alerting.subscriptions;

/** How a subscription's alerts reach the team. */
public enum ChannelType {
    /** Signed JSON POSTs to the team's URL, retried, in order. */
    WEBHOOK,
    /** A saved filter for {@code GET /api/v1/alerts/stream?subscriptionId=}. */
    STREAM
}
