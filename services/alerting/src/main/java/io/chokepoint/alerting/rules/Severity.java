package io.chokepoint.alerting.rules;

/** How urgently an alert needs a human, from lowest to highest. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** One level up, staying at CRITICAL. */
    public Severity raised() {
        Severity[] levels = values();
        return levels[Math.min(ordinal() + 1, levels.length - 1)];
    }

    public Severity atLeast(Severity other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
