package io.chokepoint.platform.messaging;

/** What a handler made of a consumed record it could handle, as counted in {@code chokepoint.messages.consumed}. */
public enum Consumption {
    /** Its effect is committed. */
    PROCESSED,
    /** Handled before (a redelivery, or the same event sent twice): nothing was done again. */
    DUPLICATE
}
