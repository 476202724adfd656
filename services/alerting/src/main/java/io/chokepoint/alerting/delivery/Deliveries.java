package io.chokepoint.alerting.delivery;

import io.chokepoint.alerting.alerts.CriteriaReader;
import io.chokepoint.alerting.subscriptions.Subscription;
import io.chokepoint.alerting.subscriptions.TeamScope;
import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;
import io.chokepoint.platform.web.UnknownIdException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A subscription's deliveries as the API shows them, and their resending; of the caller's team's subscriptions
 * only, another team's being unknown ({@link TeamScope}).
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    private final TeamScope scope;
    private final WebhookConfig config;

    public Deliveries(TeamScope scope, WebhookConfig config) {
        this.scope = scope;
        this.config = config;
    }

    /** Newest alert first; {@code status} narrows to one status. */
    public DeliveryView.Page page(String subscriptionId, String status, Integer page, Integer size) {
        Subscription subscription = scope.subscription(subscriptionId);
        List<FieldError> errors = new ArrayList<>();
        DeliveryStatus wanted = new CriteriaReader(errors).code("status", status, DeliveryStatus.class);
        int pageIndex = page == null ? 0 : page;
        int pageSize = size == null ? config.defaultPageSize() : size;
        if (pageIndex < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (pageSize < 1 || pageSize > config.maxPageSize()) {
            errors.add(new FieldError("size", "must be between 1 and " + config.maxPageSize()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Sort newestFirst = Sort.descending("alertSequence");
        PanacheQuery<WebhookDelivery> query = wanted == null
                ? WebhookDelivery.find("subscriptionId", newestFirst, subscription.id)
                : WebhookDelivery.find("subscriptionId = ?1 and status = ?2", newestFirst, subscription.id, wanted);
        List<WebhookDelivery> items = query.page(Page.of(pageIndex, pageSize)).list();
        return new DeliveryView.Page(views(items), query.count(), pageIndex, pageSize);
    }

    public DeliveryView get(String subscriptionId, String deliveryId) {
        WebhookDelivery delivery = find(scope.subscription(subscriptionId), deliveryId, LockModeType.NONE);
        return views(List.of(delivery)).get(0);
    }

    /** Puts a parked delivery back at the head of its subscription's queue, with a fresh count of attempts. */
    @Transactional
    public DeliveryView resend(String subscriptionId, String deliveryId, String actor) {
        WebhookDelivery delivery = find(scope.subscription(subscriptionId), deliveryId,
                LockModeType.PESSIMISTIC_WRITE);
        if (delivery.status != DeliveryStatus.PARKED) {
            throw new DeliveryConflictException("Delivery " + deliveryId + " is " + delivery.status
                    + ": only a PARKED delivery can be resent");
        }
        requeue(delivery, actor);
        return views(List.of(delivery)).get(0);
    }

    /** Resends whatever is parked for the subscription; answers how many. */
    @Transactional
    public int resendParked(String subscriptionId, String actor) {
        Subscription subscription = scope.subscription(subscriptionId);
        List<WebhookDelivery> parked = WebhookDelivery.find("subscriptionId = ?1 and status = ?2",
                        subscription.id, DeliveryStatus.PARKED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        parked.forEach(delivery -> requeue(delivery, actor));
        return parked.size();
    }

    private static void requeue(WebhookDelivery delivery, String actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        delivery.status = DeliveryStatus.PENDING;
        delivery.failures = 0;
        delivery.nextAttemptAt = now;
        delivery.parkedAt = null;
        delivery.resentAt = now;
        delivery.resentBy = actor;
        LOG.infof("Webhook delivery %s resent by %s", delivery.id, actor);
    }

    private static WebhookDelivery find(Subscription subscription, String deliveryId, LockModeType lock) {
        UUID id;
        try {
            id = UUID.fromString(deliveryId);
        } catch (IllegalArgumentException e) {
            throw unknown(subscription, deliveryId);
        }
        WebhookDelivery delivery = WebhookDelivery.findById(id, lock);
        if (delivery == null || !delivery.subscriptionId.equals(subscription.id)) {
            throw unknown(subscription, deliveryId);
        }
        return delivery;
    }

    private static UnknownIdException unknown(Subscription subscription, String deliveryId) {
        return new UnknownIdException("No delivery " + deliveryId + " for subscription " + subscription.id);
    }

    private static List<DeliveryView> views(List<WebhookDelivery> deliveries) {
        Map<UUID, List<WebhookAttempt>> attempts = WebhookAttempt.of(
                        deliveries.stream().map(delivery -> delivery.id).toList()).stream()
                .collect(Collectors.groupingBy(attempt -> attempt.deliveryId));
        return deliveries.stream()
                .map(delivery -> DeliveryView.of(delivery, attempts.getOrDefault(delivery.id, List.of())))
                .toList();
    }
}
