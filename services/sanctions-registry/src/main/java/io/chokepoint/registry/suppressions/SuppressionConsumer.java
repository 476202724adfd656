package io.chokepoint.registry.suppressions;

import io.chokepoint.model.Topics;
import io.chokepoint.model.alert.PartySuppressionChanged;
import io.chokepoint.platform.messaging.ConsumerRetry;
import io.chokepoint.platform.messaging.Consumption;
import io.chokepoint.platform.messaging.ProcessedEvent;
import io.chokepoint.registry.screening.SuppressionRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code alerts.suppressions}: each record is the new state of one (party name, entity) suppression,
 * standing or lifted, applied with the processed-event row in one transaction, so a redelivered record changes
 * nothing. An unreadable or invalid record is dead-lettered at once ({@link InvalidSuppressionException}); any
 * other failure is retried, each attempt in a new transaction (see {@link ConsumerRetry}). A record is counted as
 * processed or duplicate once committed; a tombstone is skipped and not counted.
 */
@ApplicationScoped
public class SuppressionConsumer {

    static final String CONSUMER = "sanctions-registry/alerts.suppressions";
    private static final Logger LOG = Logger.getLogger(SuppressionConsumer.class);

    @Inject
    SuppressionReader reader;
    @Inject
    SuppressionRegistry suppressions;
    @Inject
    ConsumerRetry retry;

    @Incoming("alerts-suppressions")
    @Blocking
    public void consume(String payload) {
        if (payload == null) {
            // A tombstone of the compacted topic: alerting lifts with active=false, so there is no state to take.
            return;
        }
        PartySuppressionChanged change = reader.read(payload);
        retry.inTransaction(Topics.ALERTS_SUPPRESSIONS, () -> apply(change));
    }

    private Consumption apply(PartySuppressionChanged change) {
        if (ProcessedEvent.isProcessed(CONSUMER, change.eventId())) {
            return Consumption.DUPLICATE;
        }
        boolean taken = suppressions.apply(change);
        ProcessedEvent.markProcessed(CONSUMER, change.eventId());
        LOG.infof("Suppression %s %s%s", change.key(), change.active() ? "stands" : "lifted",
                taken ? "" : " (older than the state held, ignored)");
        return Consumption.PROCESSED;
    }
}
