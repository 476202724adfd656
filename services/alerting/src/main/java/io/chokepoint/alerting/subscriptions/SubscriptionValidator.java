package io.chokepoint.alerting.subscriptions;

import io.chokepoint.alerting.alerts.CriteriaReader;
import io.chokepoint.alerting.targets.WebhookTargets;
import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Checks a subscription request, reporting every problem at once. */
final class SubscriptionValidator {

    static final int MAX_TEAM = 128;
    static final int MAX_URL = 2000;
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 256;

    /** What was asked, checked, with its codes in canonical form. */
    record Checked(String team, SubscriptionFilter filter, ChannelType channelType, String url, String secret,
                   List<WebhookEvent> events) {
    }

    private SubscriptionValidator() {
    }

    /**
     * @param team    the team it is for: the caller's ({@link TeamScope})
     * @param targets where a webhook may be sent
     */
    static Checked check(SubscriptionRequest request, String team, WebhookTargets targets) {
        if (request == null) {
            throw InvalidRequestException.of(FieldError.BODY,
                    "a body {\"filter\", \"channel\"} is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (team.length() > MAX_TEAM) {
            errors.add(new FieldError("team", "must be at most " + MAX_TEAM + " characters (the token's team claim)"));
        }
        SubscriptionFilter filter = request.filter() == null ? SubscriptionFilter.ANY
                : request.filter().checked(errors);
        SubscriptionRequest.Channel channel = request.channel();
        ChannelType type = channelType(errors, channel);
        List<WebhookEvent> events = null;
        if (type == ChannelType.WEBHOOK) {
            checkUrl(errors, channel.url(), targets);
            checkSecret(errors, channel.secret());
            events = events(errors, channel.events());
        } else if (type == ChannelType.STREAM) {
            refuse(errors, "channel.url", channel.url());
            refuse(errors, "channel.secret", channel.secret());
            refuse(errors, "channel.events", channel.events());
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return type == ChannelType.WEBHOOK
                ? new Checked(team, filter, type, channel.url().trim(), channel.secret(), events)
                : new Checked(team, filter, type, null, null, null);
    }

    /** The events asked for, each once, in their canonical order; the default when none is named. */
    private static List<WebhookEvent> events(List<FieldError> errors, List<String> codes) {
        if (codes == null) {
            return WebhookEvent.DEFAULT;
        }
        if (codes.isEmpty()) {
            errors.add(new FieldError("channel.events", "must name at least one of " + WebhookEvent.codes()));
            return null;
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (int i = 0; i < codes.size(); i++) {
            int index = i;
            WebhookEvent.of(codes.get(i)).ifPresentOrElse(events::add, () -> errors.add(new FieldError(
                    "channel.events[" + index + "]", "must be one of " + WebhookEvent.codes())));
        }
        return List.copyOf(events);
    }

    private static ChannelType channelType(List<FieldError> errors, SubscriptionRequest.Channel channel) {
        if (channel == null) {
            errors.add(new FieldError("channel", "is required: {\"type\": \"WEBHOOK\", \"url\", \"secret\"} or "
                    + "{\"type\": \"STREAM\"}"));
            return null;
        }
        if (channel.type() == null || channel.type().isBlank()) {
            errors.add(new FieldError("channel.type", "is required, one of [WEBHOOK, STREAM]"));
            return null;
        }
        return new CriteriaReader(errors).code("channel.type", channel.type(), ChannelType.class);
    }

    private static void checkUrl(List<FieldError> errors, String url, WebhookTargets targets) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError("channel.url", "is required for a WEBHOOK"));
            return;
        }
        if (url.length() > MAX_URL) {
            errors.add(new FieldError("channel.url", "must be at most " + MAX_URL + " characters"));
            return;
        }
        targets.refusalForSubscription(url).ifPresent(reason -> errors.add(new FieldError("channel.url", reason)));
    }

    private static void checkSecret(List<FieldError> errors, String secret) {
        if (secret == null || secret.isBlank()) {
            errors.add(new FieldError("channel.secret", "is required for a WEBHOOK: it signs every body"));
        } else if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            errors.add(new FieldError("channel.secret",
                    "must be between " + MIN_SECRET + " and " + MAX_SECRET + " characters"));
        }
    }

    private static void refuse(List<FieldError> errors, String field, Object value) {
        if (value != null) {
            errors.add(new FieldError(field, "only a WEBHOOK channel has one"));
        }
    }
}
