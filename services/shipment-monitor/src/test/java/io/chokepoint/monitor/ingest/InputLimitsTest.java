package io.chokepoint.monitor.ingest;

import io.chokepoint.model.shipment.GoodsLine;
import io.chokepoint.model.shipment.Money;
import io.chokepoint.model.shipment.Party;
import io.chokepoint.model.shipment.PartyIdentifier;
import io.chokepoint.model.shipment.Route;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.model.shipment.ShipmentEventType;
import io.chokepoint.platform.web.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every free-text field and every list of an event is bounded, each by its own configured limit. */
class InputLimitsTest {

    /** A different limit for each field, so that each message shows which limit was applied. */
    private static final InputLimits LIMITS = new InputLimits(11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 2, 2, 2);

    private final ShipmentEventValidator validator = new ShipmentEventValidator(LIMITS);

    private static String text(int length) {
        return "x".repeat(length);
    }

    /** An event whose every bounded text is {@code over} characters longer than its limit (0: exactly at it). */
    private static ShipmentEvent event(int over) {
        Party exporter = new Party(text(13 + over), "CN", text(14 + over),
                List.of(new PartyIdentifier(text(15 + over), text(16 + over))));
        Party forwarder = new Party(text(13 + over), "KR", text(14 + over), null);
        Route route = new Route("CN", "MX", "CNSHA", "MXZLO", List.of("KRPUS"), text(19 + over),
                padded("9321483", 20 + over));
        GoodsLine line = new GoodsLine(1, text(17 + over), padded("293337", 20 + over),
                padded("39742-60-4", 20 + over), new BigDecimal("25"), text(18 + over),
                new Money(new BigDecimal("1200"), "USD"));
        return new ShipmentEvent("evt-1", ShipmentEventType.EXPORT_DECLARED, text(11 + over), text(12 + over),
                Instant.parse("2026-11-28T10:15:00Z"), exporter, new Party(text(13 + over), "MX"), null, null,
                forwarder, route, List.of(line));
    }

    /** A code followed by spaces, which its own check reads past, up to the given length. */
    private static String padded(String code, int length) {
        return code + " ".repeat(length - code.length());
    }

    @Test
    void textsAtTheirLimitsAreAccepted() {
        assertThat(validator.validate(event(0)), empty());
    }

    @Test
    void eachTextOverItsLimitIsNamedWithTheLimit() {
        List<FieldError> errors = validator.validate(event(1));
        assertThat(errors, containsInAnyOrder(
                new FieldError("declarationId", "must be at most 11 characters"),
                new FieldError("reportingAgency", "must be at most 12 characters"),
                new FieldError("exporter.name", "must be at most 13 characters"),
                new FieldError("exporter.address", "must be at most 14 characters"),
                new FieldError("exporter.identifiers[0].scheme", "must be at most 15 characters"),
                new FieldError("exporter.identifiers[0].value", "must be at most 16 characters"),
                new FieldError("consignee.name", "must be at most 13 characters"),
                new FieldError("forwarder.name", "must be at most 13 characters"),
                new FieldError("forwarder.address", "must be at most 14 characters"),
                new FieldError("route.modeOfTransport", "must be at most 19 characters"),
                new FieldError("route.vesselImo", "must be at most 20 characters"),
                new FieldError("goods[0].description", "must be at most 17 characters"),
                new FieldError("goods[0].unit", "must be at most 18 characters"),
                new FieldError("goods[0].hsCode", "must be at most 20 characters"),
                new FieldError("goods[0].casNumber", "must be at most 20 characters")));
    }

    @Test
    void theEventIdKeepsTheContractsCapOf64() {
        ShipmentEvent event = event(0);
        ShipmentEvent longId = new ShipmentEvent(text(65), event.eventType(), event.declarationId(),
                event.reportingAgency(), event.occurredAt(), event.exporter(), event.consignee(), null, null, null,
                event.route(), event.goods());
        assertEquals(List.of(new FieldError("eventId", "must be at most 64 characters")), validator.validate(longId));
    }

    @Test
    void charactersAreCountedAsCharactersNotAsUtf16Units() {
        String thirteenOutsideTheBasicPlane = "\uD835\uDC00".repeat(13);
        ShipmentEvent event = event(0);
        ShipmentEvent named = new ShipmentEvent(event.eventId(), event.eventType(), event.declarationId(),
                event.reportingAgency(), event.occurredAt(), new Party(thirteenOutsideTheBasicPlane, "CN"),
                new Party("江苏示例精细化工有限公司", "CN"), null, null, null, event.route(), event.goods());
        assertThat(validator.validate(named), empty());
    }

    @Test
    void listsOverTheirLimitsAreNamedWithTheLimitAndTheirSize() {
        ShipmentEvent event = event(0);
        List<PartyIdentifier> identifiers = IntStream.range(0, 3)
                .mapToObj(i -> new PartyIdentifier("USCI", "9132000" + i)).toList();
        List<GoodsLine> goods = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> new GoodsLine(i, "Cotton T-shirts", "610910", null, null, null, null)).toList();
        Route route = new Route("CN", "MX", "CNSHA", "MXZLO", List.of("KRPUS", "PABLB", "NLRTM"), "SEA", null);
        ShipmentEvent crowded = new ShipmentEvent(event.eventId(), event.eventType(), event.declarationId(),
                event.reportingAgency(), event.occurredAt(), new Party("Exporter", "CN", null, identifiers),
                event.consignee(), null, null, null, route, goods);
        assertThat(validator.validate(crowded), containsInAnyOrder(
                new FieldError("exporter.identifiers", "must have at most 2 identifiers; this one has 3"),
                new FieldError("route.transshipmentPorts", "must have at most 2 ports; this one has 3"),
                new FieldError("goods", "must have at most 2 goods lines; this one has 3")));
    }
}
