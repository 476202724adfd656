package io.chokepoint.monitor.shipment;

import io.chokepoint.model.shipment.GoodsLine;
import io.chokepoint.model.shipment.Party;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.model.shipment.Route;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.model.shipment.ShipmentEventType;
import io.chokepoint.monitor.codes.PartyName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a shipment's current state from all its events. Pure: the same events give the same state whatever order
 * they arrived in, so an event that comes late is simply merged in its place.
 * <p>
 * Declarations ({@code EXPORT_DECLARED}, {@code AMENDED}) are applied first, oldest {@code occurredAt} first, and
 * replace what they carry. A party under another name replaces that role's party as a whole, so that the old
 * party's country and identifiers never stick to a new one; the same party (same name, ignoring case and
 * punctuation) takes the details the declaration gives and keeps the others, since the contract makes every event
 * name the exporter and the consignee. Each route field they give replaces that field, and a transshipment list
 * replaces the list. A goods line replaces the line with the same number as a whole (its description, codes and
 * quantity describe one thing), and a new number adds a line. What they leave out is kept, so an amendment need
 * only carry what it changes.
 * <p>
 * Movement reports ({@code DEPARTED}, {@code TRANSSHIPPED}, {@code ARRIVED}, {@code CANCELLED}) follow. They often
 * echo only what the contract requires (the two main parties' names, one goods line), so they never replace what a
 * declaration said; they only add what is still unknown: a party role nobody named, missing details of a party of
 * the same name, missing route fields, transshipment ports not yet listed (appended in order), goods lines with a new
 * number, and missing fields of a known line.
 */
public final class EventMerge {

    private static final Set<ShipmentEventType> DECLARATIONS =
            Set.of(ShipmentEventType.EXPORT_DECLARED, ShipmentEventType.AMENDED);

    /**
     * The state, and the status: the type of the latest event by {@code occurredAt} (the later received on a tie),
     * except that a shipment once cancelled stays cancelled.
     */
    public record Merged(ShipmentState state, ShipmentEventType status, Instant statusAt, Instant cancelledAt) {

        public boolean cancelled() {
            return cancelledAt != null;
        }
    }

    private EventMerge() {
    }

    /** Merges events given in the order they were received. */
    public static Merged merge(List<ShipmentEvent> eventsAsReceived) {
        if (eventsAsReceived.isEmpty()) {
            throw new IllegalArgumentException("a shipment has at least one event");
        }
        // Stable sort: events that occurred at the same instant keep the order they were received in.
        List<ShipmentEvent> byOccurrence = eventsAsReceived.stream()
                .sorted(Comparator.comparing(ShipmentEvent::occurredAt)).toList();
        Draft draft = new Draft();
        byOccurrence.stream().filter(EventMerge::isDeclaration).forEach(draft::declare);
        byOccurrence.stream().filter(event -> !isDeclaration(event)).forEach(draft::report);

        ShipmentEvent latest = byOccurrence.get(byOccurrence.size() - 1);
        Instant cancelledAt = byOccurrence.stream().filter(e -> e.eventType() == ShipmentEventType.CANCELLED)
                .map(ShipmentEvent::occurredAt).findFirst().orElse(null);
        return cancelledAt == null
                ? new Merged(draft.state(), latest.eventType(), latest.occurredAt(), null)
                : new Merged(draft.state(), ShipmentEventType.CANCELLED, cancelledAt, cancelledAt);
    }

    public static boolean isDeclaration(ShipmentEvent event) {
        return DECLARATIONS.contains(event.eventType());
    }

    /** The state being built. */
    private static final class Draft {
        private final Map<PartyRole, Party> parties = new EnumMap<>(PartyRole.class);
        private Route route;
        private final TreeMap<Integer, GoodsLine> goods = new TreeMap<>();

        void declare(ShipmentEvent event) {
            parties(event).forEach((role, declared) -> parties.merge(role, declared, Draft::declareParty));
            route = overlay(route, event.route());
            lines(event).forEach(line -> goods.put(line.line(), line));
        }

        void report(ShipmentEvent event) {
            parties(event).forEach((role, reported) -> parties.merge(role, reported, Draft::fillParty));
            route = fillRoute(route, event.route());
            lines(event).forEach(line -> goods.merge(line.line(), line, Draft::fillLine));
        }

        ShipmentState state() {
            return new ShipmentState(parties.get(PartyRole.EXPORTER), parties.get(PartyRole.CONSIGNEE),
                    parties.get(PartyRole.NOTIFY_PARTY), parties.get(PartyRole.INTERMEDIATE_CONSIGNEE),
                    parties.get(PartyRole.FORWARDER), route, List.copyOf(goods.values()));
        }

        private static Map<PartyRole, Party> parties(ShipmentEvent event) {
            Map<PartyRole, Party> named = new EnumMap<>(PartyRole.class);
            putIfPresent(named, PartyRole.EXPORTER, event.exporter());
            putIfPresent(named, PartyRole.CONSIGNEE, event.consignee());
            putIfPresent(named, PartyRole.NOTIFY_PARTY, event.notifyParty());
            putIfPresent(named, PartyRole.INTERMEDIATE_CONSIGNEE, event.intermediateConsignee());
            putIfPresent(named, PartyRole.FORWARDER, event.forwarder());
            return named;
        }

        private static void putIfPresent(Map<PartyRole, Party> parties, PartyRole role, Party party) {
            if (party != null) {
                parties.put(role, party);
            }
        }

        private static List<GoodsLine> lines(ShipmentEvent event) {
            return event.goods() == null ? List.of()
                    : event.goods().stream().filter(line -> line != null && line.line() != null).toList();
        }

        private static Party declareParty(Party known, Party declared) {
            if (!PartyName.same(known.name(), declared.name())) {
                return declared;
            }
            return new Party(declared.name(), either(declared.country(), known.country()),
                    either(declared.address(), known.address()),
                    declared.identifiers() == null || declared.identifiers().isEmpty() ? known.identifiers()
                            : declared.identifiers());
        }

        /** A report adds details to the declared party only when it names the same party. */
        private static Party fillParty(Party known, Party reported) {
            if (!PartyName.same(known.name(), reported.name())) {
                return known;
            }
            return new Party(known.name(), either(known.country(), reported.country()),
                    either(known.address(), reported.address()),
                    known.identifiers() == null || known.identifiers().isEmpty() ? reported.identifiers()
                            : known.identifiers());
        }

        private static Route overlay(Route known, Route declared) {
            if (known == null || declared == null) {
                return declared == null ? known : declared;
            }
            return new Route(either(declared.originCountry(), known.originCountry()),
                    either(declared.destinationCountry(), known.destinationCountry()),
                    either(declared.portOfLoading(), known.portOfLoading()),
                    either(declared.portOfDischarge(), known.portOfDischarge()),
                    either(declared.transshipmentPorts(), known.transshipmentPorts()),
                    either(declared.modeOfTransport(), known.modeOfTransport()),
                    either(declared.vesselImo(), known.vesselImo()));
        }

        private static Route fillRoute(Route known, Route reported) {
            if (known == null || reported == null) {
                return known == null ? reported : known;
            }
            return new Route(either(known.originCountry(), reported.originCountry()),
                    either(known.destinationCountry(), reported.destinationCountry()),
                    either(known.portOfLoading(), reported.portOfLoading()),
                    either(known.portOfDischarge(), reported.portOfDischarge()),
                    appendNewPorts(known.transshipmentPorts(), reported.transshipmentPorts()),
                    either(known.modeOfTransport(), reported.modeOfTransport()),
                    either(known.vesselImo(), reported.vesselImo()));
        }

        private static List<String> appendNewPorts(List<String> known, List<String> reported) {
            if (reported == null || reported.isEmpty()) {
                return known;
            }
            List<String> ports = known == null ? new ArrayList<>() : new ArrayList<>(known);
            reported.stream().filter(port -> port != null && !ports.contains(port)).forEach(ports::add);
            return List.copyOf(ports);
        }

        /** A quantity and its unit go together: a reported quantity is taken only with its own unit. */
        private static GoodsLine fillLine(GoodsLine known, GoodsLine reported) {
            boolean quantityKnown = known.quantity() != null;
            return new GoodsLine(known.line(), either(known.description(), reported.description()),
                    either(known.hsCode(), reported.hsCode()), either(known.casNumber(), reported.casNumber()),
                    quantityKnown ? known.quantity() : reported.quantity(),
                    quantityKnown ? known.unit() : reported.unit(),
                    either(known.value(), reported.value()));
        }

        private static <T> T either(T preferred, T fallback) {
            return preferred != null ? preferred : fallback;
        }
    }
}
