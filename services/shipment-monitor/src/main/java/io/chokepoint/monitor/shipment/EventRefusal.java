package io.chokepoint.monitor.shipment;

import io.chokepoint.platform.web.FieldError;

/**
 * Why a valid event of a partner agency is not taken: it would touch what belongs to another agency. Nothing of it is
 * stored. Over REST the partner is answered 403 or 409; on Kafka the record is dead-lettered with the reason.
 *
 * @param field  the field of the event the refusal is about, for the {@code [{"field","message"}]} shapes
 * @param reason what is refused, in short: the rule is left to {@link #explained()}, so that a batch states it once
 */
public record EventRefusal(Rule rule, String eventId, String field, String reason) {

    public enum Rule {
        /** An EXPORT_DECLARED, AMENDED or CANCELLED for a shipment another agency owns ({@link ShipmentOwner}). */
        NOT_THE_OWNER,
        /**
         * An eventId an event of another agency already holds. Answering it as a duplicate would hand out the other
         * agency's shipmentId; taking it would break the eventId's uniqueness, which idempotency rests on.
         */
        EVENT_ID_TAKEN
    }

    static EventRefusal notTheOwner(String eventId, String reason) {
        return new EventRefusal(Rule.NOT_THE_OWNER, eventId, "reportingAgency", reason);
    }

    static EventRefusal eventIdTaken(String eventId) {
        return new EventRefusal(Rule.EVENT_ID_TAKEN, eventId, "eventId",
                "eventId " + eventId + " is already taken by another agency's event");
    }

    /** The reason with the rule that makes it one. */
    public String explained() {
        return rule == Rule.NOT_THE_OWNER ? reason + "; " + ShipmentOwner.RULE : reason;
    }

    /** The reason as a partner gets it for one event: prefixed with the event when the reason does not name it. */
    public String message() {
        return rule == Rule.EVENT_ID_TAKEN ? reason : "event " + eventId + ": " + explained();
    }

    /** The refusal as the one field error of the event, the {@code [{"field","message"}]} shape. */
    public FieldError asError() {
        return new FieldError(field, explained());
    }
}
