package io.chokepoint.alerting.lifecycle;

/** A well-formed change refused because of where the alert stands; carries its answer. */
public class LifecycleException extends RuntimeException {

    private final transient int status;
    private final transient LifecycleConflict conflict;

    LifecycleException(int status, LifecycleConflict conflict) {
        super(conflict.message(), null, false, false);
        this.status = status;
        this.conflict = conflict;
    }

    public int status() {
        return status;
    }

    public LifecycleConflict conflict() {
        return conflict;
    }
}
