package io.chokepoint.alerting.subscriptions;

import java.util.List;

/**
 * The body of {@code POST /api/v1/subscriptions}.
 *
 * @param filter  which alerts; absent for all of them
 * @param channel how they are delivered
 */
public record SubscriptionRequest(String team, SubscriptionFilter filter, Channel channel) {

    /**
     * @param type   WEBHOOK or STREAM
     * @param url    where a WEBHOOK posts: https to a public address, or a host allowed by configuration
     * @param secret the key of the HMAC-SHA256 signature of a WEBHOOK's bodies; never answered back
     * @param events what a WEBHOOK receives: {@code alert.raised} (the default), {@code alert.updated}
     */
    public record Channel(String type, String url, String secret, List<String> events) {
    }
}
