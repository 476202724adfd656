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
import java.util.Set;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ShipmentEventValidatorTest {

    /** The limits of application.properties. */
    static final InputLimits LIMITS = new InputLimits(128, 64, 256, 512, 64, 128, 1024, 32, 32, 32, 999, 20, 20);

    private final ShipmentEventValidator validator = new ShipmentEventValidator(LIMITS);

    static GoodsLine npp(int line) {
        return new GoodsLine(line, "N-Phenethyl-4-piperidone", "293337", "39742-60-4", new BigDecimal("25"), "KG",
                new Money(new BigDecimal("1200.00"), "USD"));
    }

    static ShipmentEvent valid() {
        return new ShipmentEvent("83faac57-2f56-4652-466d-e486522c4f8d", ShipmentEventType.EXPORT_DECLARED,
                "CN-GACC-2026-000123", "CN-GACC", Instant.parse("2026-11-28T10:15:00Z"),
                new Party("Jiangsu Example Fine Chemical Co., Ltd.", "CN", "...",
                        List.of(new PartyIdentifier("USCI", "91320000MA1XXXXX"))),
                new Party("Distribuidora Ejemplo S.A. de C.V.", "MX"),
                new Party("Notify Co", null), new Party("Intermediate Co", "KR"), new Party("Forwarder Co", "CN"),
                new Route("CN", "MX", "CNSHA", "MXZLO", List.of("KRPUS"), "SEA", "9321483"),
                List.of(npp(1)));
    }

    private Set<String> fieldsOf(ShipmentEvent event) {
        return validator.validate(event).stream().map(FieldError::field).collect(Collectors.toSet());
    }

    @Test
    void theContractExampleIsValid() {
        assertThat(validator.validate(valid()), empty());
    }

    @Test
    void namesEveryMissingRequiredField() {
        ShipmentEvent empty = new ShipmentEvent(null, null, " ", null, null, null, new Party(null, "MX"),
                null, null, null, null, List.of());
        assertThat(fieldsOf(empty), containsInAnyOrder("eventId", "eventType", "declarationId", "reportingAgency",
                "occurredAt", "exporter.name", "consignee.name", "goods"));
    }

    @Test
    void capsTheEventIdAt64Characters() {
        ShipmentEvent event = valid();
        ShipmentEvent longId = new ShipmentEvent("x".repeat(65), event.eventType(), event.declarationId(),
                event.reportingAgency(), event.occurredAt(), event.exporter(), event.consignee(), null, null, null,
                event.route(), event.goods());
        assertEquals(List.of(new FieldError("eventId", "must be at most 64 characters")), validator.validate(longId));
        ShipmentEvent maxId = new ShipmentEvent("x".repeat(64), event.eventType(), event.declarationId(),
                event.reportingAgency(), event.occurredAt(), event.exporter(), event.consignee(), null, null, null,
                event.route(), event.goods());
        assertThat(validator.validate(maxId), empty());
    }

    @Test
    void checksCountriesPortsAndVessel() {
        ShipmentEvent event = valid();
        ShipmentEvent badRoute = new ShipmentEvent(event.eventId(), event.eventType(), event.declarationId(),
                event.reportingAgency(), event.occurredAt(), new Party("Exporter", "China"), event.consignee(),
                new Party(" ", "CN"), null, null,
                new Route("XX", "mx", "CNSH1", "ZZABC", List.of("KRPUS", "KR-PUS"), "SEA", "9321484"),
                event.goods());
        assertThat(fieldsOf(badRoute), containsInAnyOrder("exporter.country", "notifyParty.name",
                "route.originCountry", "route.destinationCountry", "route.portOfLoading", "route.portOfDischarge",
                "route.transshipmentPorts[1]", "route.vesselImo"));
    }

    @Test
    void checksEveryGoodsLine() {
        ShipmentEvent event = valid();
        List<GoodsLine> goods = List.of(
                npp(1),
                new GoodsLine(1, "Citric acid", "29181", "77-92-8", new BigDecimal("-1"), "KG",
                        new Money(new BigDecimal("-5"), "DOLLARS")),
                new GoodsLine(0, null, null, null, null, null, null),
                new GoodsLine(null, "Polyethylene film", "3920.10", "7792-9", BigDecimal.ZERO, "KG", null));
        ShipmentEvent badGoods = new ShipmentEvent(event.eventId(), event.eventType(), event.declarationId(),
                event.reportingAgency(), event.occurredAt(), event.exporter(), event.consignee(), null, null, null,
                null, goods);
        List<FieldError> errors = validator.validate(badGoods);
        assertThat(errors.stream().map(FieldError::field).toList(), containsInAnyOrder(
                "goods[1].line", "goods[1].hsCode", "goods[1].casNumber", "goods[1].quantity",
                "goods[1].value.amount", "goods[1].value.currency",
                "goods[2].line", "goods[2].description",
                "goods[3].line", "goods[3].casNumber"));
        assertThat(errors, hasItem(new FieldError("goods[1].casNumber",
                "check digit does not match: not a valid CAS number")));
        assertThat(errors, hasItem(new FieldError("goods[1].line", "line 1 appears more than once")));
    }

    @Test
    void acceptsZeroQuantitiesAndDottedHsCodes() {
        ShipmentEvent event = valid();
        List<GoodsLine> goods = List.of(new GoodsLine(7, "Tablet press", "8479.89", null, BigDecimal.ZERO, "PCS", null),
                new GoodsLine(8, "4-AP", "2933.3990.73", "23056293", null, null, null));
        ShipmentEvent ok = new ShipmentEvent(event.eventId(), event.eventType(), event.declarationId(),
                event.reportingAgency(), event.occurredAt(), event.exporter(), event.consignee(), null, null, null,
                null, goods);
        assertThat(validator.validate(ok), empty());
    }

    @Test
    void nullElementsAreNamed() {
        ShipmentEvent event = valid();
        ShipmentEvent withNulls = new ShipmentEvent(event.eventId(), event.eventType(), event.declarationId(),
                event.reportingAgency(), event.occurredAt(), event.exporter(), event.consignee(), null, null, null,
                null, java.util.Arrays.asList(npp(1), null));
        assertEquals(List.of(new FieldError("goods[1]", "must not be null")), validator.validate(withNulls));
    }
}
