package io.chokepoint.alerting.subscriptions;

import com.fasterxml.jackson.core.type.TypeReference;
import io.chokepoint.alerting.alerts.AlertCriteria;
import io.chokepoint.alerting.support.JsonCodec;
import io.chokepoint.alerting.targets.WebhookTargets;
import io.chokepoint.platform.web.UnknownIdException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Creates, finds and deletes subscriptions, and reads their filters. */
@ApplicationScoped
public class Subscriptions {

    private static final Logger LOG = Logger.getLogger(Subscriptions.class);
    private static final TypeReference<List<String>> CODES = new TypeReference<>() {
    };

    private final JsonCodec json;
    private final Event<SubscriptionDeleted> deletions;
    private final WebhookTargets targets;

    public Subscriptions(JsonCodec json, Event<SubscriptionDeleted> deletions, WebhookTargets targets) {
        this.json = json;
        this.deletions = deletions;
        this.targets = targets;
    }

    /**
     * The URL's host is resolved before the transaction uses a connection: a slow name server holds none.
     *
     * @param team  the team it is for, as {@link TeamScope} decided
     * @param actor who makes it
     */
    @Transactional
    public SubscriptionView create(SubscriptionRequest request, String team, String actor) {
        SubscriptionValidator.Checked checked = SubscriptionValidator.check(request, team, targets);
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.team = checked.team();
        subscription.filter = json.write(checked.filter());
        subscription.channelType = checked.channelType();
        subscription.url = checked.url();
        subscription.secret = checked.secret();
        subscription.events = checked.events() == null ? null
                : json.write(checked.events().stream().map(WebhookEvent::code).toList());
        subscription.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        subscription.createdBy = actor;
        subscription.persist();
        LOG.infof("Subscription %s (%s) created for team %s by %s", subscription.id, subscription.channelType,
                subscription.team, actor);
        return view(subscription);
    }

    /** The team's subscriptions not deleted, oldest first. */
    public List<SubscriptionView> list(String team) {
        return Subscription.live(team).stream().map(this::view).toList();
    }

    /** Marks it deleted; {@link SubscriptionDeleted} cancels, in the same transaction, what it was still owed. */
    @Transactional
    public void delete(Subscription subscription, String actor) {
        subscription.deletedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        subscription.deletedBy = actor;
        deletions.fire(new SubscriptionDeleted(subscription.id, actor));
        LOG.infof("Subscription %s deleted by %s", subscription.id, actor);
    }

    /** A subscription not deleted, whoever's, or 404; what officers ask for goes through {@link TeamScope}. */
    Subscription find(String id) {
        return parseId(id).flatMap(Subscription::findLive).orElseThrow(() -> unknown(id));
    }

    static UnknownIdException unknown(String id) {
        return new UnknownIdException("No subscription with id " + id);
    }

    public SubscriptionFilter filterOf(Subscription subscription) {
        return json.read(subscription.filter, SubscriptionFilter.class);
    }

    public AlertCriteria criteriaOf(Subscription subscription) {
        return filterOf(subscription).toCriteria();
    }

    /** The events a webhook subscription receives; none for a stream. */
    public Set<WebhookEvent> eventsOf(Subscription subscription) {
        if (subscription.events == null) {
            return subscription.channelType == ChannelType.WEBHOOK ? Set.copyOf(WebhookEvent.DEFAULT) : Set.of();
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        json.read(subscription.events, CODES).forEach(code -> WebhookEvent.of(code).ifPresent(events::add));
        return events;
    }

    /** As the API shows it: never its secret. */
    public SubscriptionView view(Subscription subscription) {
        List<String> events = subscription.channelType == ChannelType.WEBHOOK
                ? eventsOf(subscription).stream().map(WebhookEvent::code).toList() : null;
        return SubscriptionView.of(subscription, filterOf(subscription), events);
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
