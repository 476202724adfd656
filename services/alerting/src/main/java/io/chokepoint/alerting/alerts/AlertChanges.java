package io.chokepoint.alerting.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Numbers and announces the changes of raised alerts, so that the stream and the webhooks follow them in commit
 * order. A transaction that may change an alert calls {@link #begin()} before it locks any alert row, then
 * {@link #changed} once the alert holds the change.
 */
@ApplicationScoped
public class AlertChanges {

    private final AlertSequencer sequencer;
    private final AlertViews views;
    private final Event<AlertChanged> changes;

    public AlertChanges(AlertSequencer sequencer, AlertViews views, Event<AlertChanged> changes) {
        this.sequencer = sequencer;
        this.views = views;
        this.changes = changes;
    }

    /** Takes the sequence lock first, so that every transaction takes it and alert rows in the same order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void begin() {
        sequencer.lock();
    }

    /** Gives the alert the next stream position and announces the change inside the transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Alert alert, AlertEvent.Kind change) {
        alert.streamPosition = sequencer.next();
        changes.fire(new AlertChanged(views.toSequenced(alert), alert.streamPosition, change));
    }
}
