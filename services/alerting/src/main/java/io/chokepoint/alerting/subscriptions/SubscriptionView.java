package io.chokepoint.alerting.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** A subscription as answered: never its secret, only whether it has one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String id, String team, SubscriptionFilter filter, Channel channel,
                               Instant createdAt, String createdBy) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Channel(String type, String url, Boolean secretSet) {
    }

    static SubscriptionView of(Subscription subscription, SubscriptionFilter filter) {
        boolean webhook = subscription.channelType == ChannelType.WEBHOOK;
        return new SubscriptionView(subscription.id.toString(), subscription.team, filter,
                new Channel(subscription.channelType.name(), subscription.url,
                        webhook ? subscription.secret != null : null),
                subscription.createdAt, subscription.createdBy);
    }
}
