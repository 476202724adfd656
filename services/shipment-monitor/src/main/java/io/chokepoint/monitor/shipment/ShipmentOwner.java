package io.chokepoint.monitor.shipment;

import io.chokepoint.model.shipment.ShipmentEventType;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The agency a shipment belongs to, and so the only one that may declare, amend or cancel it. A shipment is keyed by
 * its declarationId alone, since the transit and destination customs report on it under the declaring agency's id;
 * so without an owner any partner knowing a declarationId could rewrite or cancel another agency's shipment.
 * <p>
 * The owner is the agency of the shipment's first {@code EXPORT_DECLARED} event: the declaration is what names the
 * exporter's customs. Until one arrives (a movement report may come first) the agency of the first event is the
 * provisional owner; the first {@code EXPORT_DECLARED}, from whatever agency, then makes its agency the owner for
 * good. The provisional owner's amendments and cancellations stay in the history but no longer shape the shipment
 * once another agency has declared it ({@link #inForce}): else an agency could cancel a shipment in advance, under a
 * declarationId it expects another agency to use. Movement reports ({@code DEPARTED}, {@code TRANSSHIPPED},
 * {@code ARRIVED}) may come from any agency.
 *
 * @param agency   the owning agency's code, as its events name it in {@code reportingAgency}
 * @param declared whether the shipment has been declared; while false, the ownership is provisional
 */
public record ShipmentOwner(String agency, boolean declared) {

    /** Event types only the owner may send; the others are movement reports any agency may send. */
    public static final Set<ShipmentEventType> OWNER_ONLY =
            EnumSet.of(ShipmentEventType.EXPORT_DECLARED, ShipmentEventType.AMENDED, ShipmentEventType.CANCELLED);

    /** The rule, as the refusals state it. */
    public static final String RULE = "only the agency that owns a shipment may send EXPORT_DECLARED, AMENDED or"
            + " CANCELLED for it: the agency that declared it (until its EXPORT_DECLARED arrives, the agency that"
            + " reported its first event); DEPARTED, TRANSSHIPPED and ARRIVED may come from any agency";

    public ShipmentOwner {
        Objects.requireNonNull(agency, "agency");
    }

    /** The owner a shipment's first event makes. */
    public static ShipmentOwner openedBy(ShipmentEventType type, String agency) {
        return new ShipmentOwner(agency, type == ShipmentEventType.EXPORT_DECLARED);
    }

    /** The owner of a shipment with this history, its events in the order they were received (at least one). */
    public static ShipmentOwner of(List<RecordedEvent> asReceived) {
        if (asReceived.isEmpty()) {
            throw new IllegalArgumentException("a shipment has at least one event");
        }
        RecordedEvent first = asReceived.get(0);
        ShipmentOwner owner = openedBy(first.eventType, first.reportingAgency);
        for (RecordedEvent event : asReceived.subList(1, asReceived.size())) {
            owner = owner.after(event.eventType, event.reportingAgency);
        }
        return owner;
    }

    /** Whether the agency may send an event of this type for the shipment. */
    public boolean admits(ShipmentEventType type, String reportingAgency) {
        if (!OWNER_ONLY.contains(type) || agency.equals(reportingAgency)) {
            return true;
        }
        return type == ShipmentEventType.EXPORT_DECLARED && !declared;
    }

    /** The owner once an admitted event of this type from this agency is recorded. */
    public ShipmentOwner after(ShipmentEventType type, String reportingAgency) {
        return type == ShipmentEventType.EXPORT_DECLARED && !declared
                ? new ShipmentOwner(reportingAgency, true) : this;
    }

    /**
     * Whether a recorded event still shapes the shipment: movement reports always, declarations, amendments and
     * cancellations when the owner sent them (a provisional owner's stop counting once another agency declares).
     */
    public boolean inForce(RecordedEvent event) {
        return !OWNER_ONLY.contains(event.eventType) || agency.equals(event.reportingAgency);
    }

    /**
     * Why an event the owner does not admit is refused, naming the event's type and the declaration (the rule is
     * {@link #RULE}); not the owner, whom a partner has no need to learn.
     */
    public String refusal(ShipmentEventType type, String declarationId, String reportingAgency) {
        return type == ShipmentEventType.EXPORT_DECLARED
                ? "EXPORT_DECLARED refused: declaration " + declarationId + " was already declared by another agency"
                + " than " + reportingAgency
                : type + " refused: the shipment of declaration " + declarationId + " belongs to another agency than "
                + reportingAgency;
    }
}
