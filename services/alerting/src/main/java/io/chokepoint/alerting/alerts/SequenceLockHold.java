package io.chokepoint.alerting.alerts;

import jakarta.transaction.TransactionScoped;

import java.io.Serializable;

/**
 * Whether the current transaction holds the alert sequence's lock: it is taken once, at its first change of an
 * alert, and held to the end, so a poll that numbers hundreds of changes asks the database for it once.
 */
@TransactionScoped
class SequenceLockHold implements Serializable {

    private boolean held;

    /** True the first time in a transaction, when the caller must take the lock; false after. */
    boolean firstTime() {
        if (held) {
            return false;
        }
        held = true;
        return true;
    }
}
