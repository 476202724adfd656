package io.chokepoint.alerting.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** A subscription as answered: never its secret, only whether it has one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String id, String team, SubscriptionFilter filter, Channel channel,
                               Instant createdAt, String createdBy) {

    /** @param events what a WEBHOOK receives ({@link WebhookEvent} codes) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Channel(String type, String url, Boolean secretSet, List<String> events) {
    }

    static SubscriptionView of(Subscription subscription, SubscriptionFilter filter, List<String> events) {
        boolean webhook = subscription.channelType == ChannelType.WEBHOOK;
        return new SubscriptionView(subscription.id.toString(), subscription.team, filter,
                new Channel(subscription.channelType.name(), subscription.url,
                        webhook ? subscription.secret != null : null, events),
                subscription.createdAt, subscription.createdBy);
    }
}
