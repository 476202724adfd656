package io.chokepoint.model;

/** Names of the public Kafka topics (see the contract). */
public final class Topics {

    public static final String SHIPMENTS_INBOUND = "shipments.inbound";
    public static final String SHIPMENTS_ASSESSED = "shipments.assessed";
    public static final String SCREENING_RESULTS = "screening.results";
    public static final String SANCTIONS_ENTITIES = "sanctions.entities";
    public static final String SANCTIONS_LIST_VERSIONS = "sanctions.list-versions";
    public static final String ALERTS_RAISED = "alerts.raised";
    public static final String ALERTS_SUPPRESSIONS = "alerts.suppressions";

    /** Suffix of the dead-letter topic that every consumed topic has. */
    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
