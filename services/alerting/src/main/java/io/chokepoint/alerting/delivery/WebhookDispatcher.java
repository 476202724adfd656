package io.chokepoint.alerting.delivery;

import io.chokepoint.alerting.alerts.AlertChanged;
import io.chokepoint.alerting.alerts.NewAlert;
import io.chokepoint.alerting.subscriptions.Subscription;
import io.chokepoint.alerting.targets.WebhookTargets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends webhook deliveries: per subscription one at a time in alert order, each subscription independent of the
 * others. A round takes the head of each subscription's queue (its oldest undelivered delivery), and sends those
 * that are due; a parked head holds its subscription back, so nothing overtakes it. Claiming sets a lease, so two
 * instances never send the same head at once; a stop mid-send lets the lease run out and the delivery is sent
 * again (at least once).
 * <p>
 * A round runs when an alert commits, when an attempt's outcome is recorded, when a retry falls due (the
 * dispatcher wakes itself then) and on a poll every {@code poll-interval}, which catches what other instances wrote.
 * <p>
 * Threads: rounds and the recording of outcomes run on one thread of their own; the HTTP exchanges are
 * asynchronous, so a slow receiver holds a connection until the timeouts, not a thread, and at most
 * {@code max-in-flight} exchanges are open at once. Kafka consumer threads only write delivery rows.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** Beyond the exchange's own timeouts, before another dispatcher may take over a claimed delivery. */
    private static final Duration LEASE_SLACK = Duration.ofMinutes(1);

    @Inject
    WebhookConfig config;
    @Inject
    EntityManager entityManager;
    @Inject
    WebhookMetrics metrics;
    @Inject
    WebhookTargets targets;

    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(daemon("webhook-dispatch"));
    private final ExecutorService http = Executors.newFixedThreadPool(2, daemon("webhook-http"));
    private final AtomicBoolean roundPending = new AtomicBoolean();
    /** Subscriptions with an exchange open from this instance. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private WebhookSender sender;

    /** What one claimed delivery needs to be sent. */
    record Claim(UUID deliveryId, UUID subscriptionId, String url, String secret, String event, String body,
                 int attempt) {
    }

    /**
     * What recording an attempt made of its delivery.
     *
     * @param retryIn the wait before the next attempt; null when none is due (delivered, parked or cancelled)
     */
    private record Recorded(boolean parked, Duration retryIn) {
    }

    @PostConstruct
    void start() {
        sender = new WebhookSender(config.connectTimeout(), config.requestTimeout(), http, targets);
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
        http.shutdown();
    }

    /** Asks for a round soon, on the dispatcher's thread; requests made while one is pending are merged. */
    public void requestRound() {
        if (roundPending.compareAndSet(false, true)) {
            try {
                worker.execute(this::round);
            } catch (RejectedExecutionException e) {
                roundPending.set(false);
            }
        }
    }

    @Scheduled(identity = "chokepoint-webhook-dispatch",
            every = "${chokepoint.webhooks.poll-interval:1s}", delayed = "${chokepoint.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        requestRound();
    }

    void onAlertCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) NewAlert event) {
        requestRound();
    }

    void onChangeCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertChanged event) {
        requestRound();
    }

    /** How many subscriptions have an exchange open from this instance. */
    public int inFlight() {
        return inFlight.size();
    }

    private void round() {
        roundPending.set(false);
        try {
            int free = config.maxInFlight() - inFlight.size();
            if (free > 0) {
                QuarkusTransaction.requiringNew().call(() -> claimDue(free)).forEach(this::send);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Webhook dispatch round failed; the next one tries again");
        }
    }

    private List<Claim> claimDue(int limit) {
        Instant now = now();
        Instant leaseUntil = now.plus(config.connectTimeout()).plus(config.requestTimeout()).plus(LEASE_SLACK);
        List<Claim> claims = new ArrayList<>();
        for (Object[] head : dueHeads(now, limit + inFlight.size())) {
            UUID deliveryId = UUID.fromString((String) head[0]);
            UUID subscriptionId = UUID.fromString((String) head[1]);
            if (claims.size() < limit && !inFlight.contains(subscriptionId) && claim(deliveryId, now, leaseUntil)) {
                claims.add(claimOf(WebhookDelivery.findById(deliveryId), Subscription.findById(subscriptionId)));
            }
        }
        return claims;
    }

    /** The head of each live subscription's queue, if it is pending, due and not leased; longest waiting first. */
    @SuppressWarnings("unchecked")
    private List<Object[]> dueHeads(Instant now, int limit) {
        return entityManager.createNativeQuery("""
                        SELECT CAST(h.id AS text), CAST(h.subscription_id AS text)
                        FROM (SELECT DISTINCT ON (subscription_id) id, subscription_id, status, next_attempt_at,
                                     lease_until
                              FROM webhook_delivery
                              WHERE status IN ('PENDING', 'PARKED')
                              ORDER BY subscription_id, alert_sequence) h
                        JOIN subscription s ON s.id = h.subscription_id AND s.deleted_at IS NULL
                        WHERE h.status = 'PENDING' AND h.next_attempt_at <= :now
                          AND (h.lease_until IS NULL OR h.lease_until < :now)
                        ORDER BY h.next_attempt_at
                        LIMIT :limit""")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Leases the delivery unless another dispatcher did since it was read. */
    private static boolean claim(UUID deliveryId, Instant now, Instant until) {
        return WebhookDelivery.update("leaseUntil = ?1 where id = ?2 and status = ?3 "
                + "and (leaseUntil is null or leaseUntil < ?4)", until, deliveryId, DeliveryStatus.PENDING, now) == 1;
    }

    private static Claim claimOf(WebhookDelivery delivery, Subscription subscription) {
        return new Claim(delivery.id, subscription.id, subscription.url, subscription.secret, delivery.event,
                delivery.body, WebhookAttempt.countFor(delivery.id) + 1);
    }

    private void send(Claim claim) {
        inFlight.add(claim.subscriptionId());
        try {
            sender.send(claim.url(), claim.secret(), claim.deliveryId().toString(), claim.event(), claim.attempt(),
                    claim.body()).thenAccept(result -> afterExchange(claim, result));
        } catch (RuntimeException e) {
            afterExchange(claim, new AttemptResult(Instant.now(), 0, null,
                    "not sent: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private void afterExchange(Claim claim, AttemptResult result) {
        try {
            worker.execute(() -> record(claim, result));
        } catch (RejectedExecutionException e) {
            inFlight.remove(claim.subscriptionId());
        }
    }

    private void record(Claim claim, AttemptResult result) {
        try {
            Recorded recorded = QuarkusTransaction.requiringNew().call(() -> recordAttempt(claim, result));
            metrics.attempted(result, recorded.parked());
            if (recorded.retryIn() != null) {
                worker.schedule(this::requestRound, recorded.retryIn().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record attempt %d of webhook delivery %s; it is sent again when its lease "
                    + "runs out", claim.attempt(), claim.deliveryId());
        } finally {
            inFlight.remove(claim.subscriptionId());
        }
        requestRound();
    }

    /** Stores the attempt and settles its delivery, unless that was cancelled meanwhile. */
    private Recorded recordAttempt(Claim claim, AttemptResult result) {
        WebhookDelivery delivery = WebhookDelivery.findById(claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attempt = claim.attempt();
        attempt.startedAt = result.startedAt().truncatedTo(ChronoUnit.MICROS);
        attempt.durationMs = result.durationMs();
        attempt.statusCode = result.statusCode();
        attempt.error = result.error();
        attempt.outcome = result.delivered() ? "DELIVERED" : "FAILED";
        attempt.persist();
        delivery.leaseUntil = null;
        delivery.lastStatusCode = result.statusCode();
        return delivery.status == DeliveryStatus.PENDING
                ? settle(delivery, result, now())
                : new Recorded(false, null);
    }

    private Recorded settle(WebhookDelivery delivery, AttemptResult result, Instant now) {
        if (result.delivered()) {
            delivery.status = DeliveryStatus.DELIVERED;
            delivery.deliveredAt = now;
            delivery.lastError = null;
            return new Recorded(false, null);
        }
        delivery.failures++;
        delivery.lastError = result.error();
        if (delivery.failures >= config.attemptsBeforeParking()) {
            delivery.status = DeliveryStatus.PARKED;
            delivery.parkedAt = now;
            LOG.warnf("Webhook delivery %s parked after %d failed attempts (%s); subscription %s waits for a resend",
                    delivery.id, delivery.failures, result.error(), delivery.subscriptionId);
            return new Recorded(true, null);
        }
        Duration wait = Backoff.after(delivery.failures, config.initialBackoff(), config.maxBackoff());
        delivery.nextAttemptAt = now.plus(wait);
        return new Recorded(false, wait);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
