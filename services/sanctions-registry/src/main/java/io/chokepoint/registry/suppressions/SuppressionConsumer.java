package io.chokepoint.registry.suppressions;

import io.chokepoint.model.alert.PartySuppressionChanged;
import io.chokepoint.platform.messaging.BatchConsumer;
import io.chokepoint.platform.messaging.BatchHandler;
import io.chokepoint.platform.messaging.BatchWork;
import io.chokepoint.registry.screening.SuppressionRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code alerts.suppressions} a poll at a time ({@link BatchConsumer}): each record is the new state of
 * one (party name, entity) suppression, standing or lifted, applied with its processed-event row in the batch's
 * transaction, so a redelivered record changes nothing. An unreadable or invalid record is dead-lettered alone
 * ({@link InvalidSuppressionException}); a tombstone is skipped and not counted.
 */
@ApplicationScoped
public class SuppressionConsumer implements BatchHandler<PartySuppressionChanged> {

    static final String CONSUMER = "sanctions-registry/alerts.suppressions";
    private static final Logger LOG = Logger.getLogger(SuppressionConsumer.class);

    @Inject
    SuppressionReader reader;
    @Inject
    SuppressionRegistry suppressions;
    @Inject
    BatchConsumer batches;

    @Incoming("alerts-suppressions")
    @Blocking
    public CompletionStage<Void> consume(Message<List<String>> batch) {
        return batches.consume(batch, this);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    /** A tombstone of the compacted topic reads as nothing: alerting lifts with active=false, so it has no state. */
    @Override
    public PartySuppressionChanged read(String payload) {
        return payload == null ? null : reader.read(payload);
    }

    @Override
    public String eventId(PartySuppressionChanged change) {
        return change.eventId();
    }

    @Override
    public void handle(BatchWork<PartySuppressionChanged> work) {
        work.each(change -> {
            boolean taken = suppressions.apply(change);
            LOG.infof("Suppression %s %s%s", change.key(), change.active() ? "stands" : "lifted",
                    taken ? "" : " (older than the state held, ignored)");
        });
    }
}
