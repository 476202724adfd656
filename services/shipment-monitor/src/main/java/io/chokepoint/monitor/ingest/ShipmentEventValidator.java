package io.chokepoint.monitor.ingest;

import io.chokepoint.model.shipment.GoodsLine;
import io.chokepoint.model.shipment.Money;
import io.chokepoint.model.shipment.Party;
import io.chokepoint.model.shipment.PartyIdentifier;
import io.chokepoint.model.shipment.Route;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.codes.CasNumber;
import io.chokepoint.monitor.codes.CountryCode;
import io.chokepoint.monitor.codes.HsCode;
import io.chokepoint.monitor.codes.ImoNumber;
import io.chokepoint.monitor.codes.UnLocode;
import io.chokepoint.platform.web.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a shipment event against the contract and names every problem it finds, each with the path of its field.
 * Every text and list is bounded ({@link InputLimits}), so that what is stored, indexed, matched and published stays
 * within known sizes whatever a partner sends. Pure Java so that the rules are unit-tested without a running service.
 */
public class ShipmentEventValidator {

    /** The contract caps the idempotency key. */
    public static final int MAX_EVENT_ID_LENGTH = 64;

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private final InputLimits limits;

    public ShipmentEventValidator(InputLimits limits) {
        this.limits = limits;
    }

    public List<FieldError> validate(ShipmentEvent event) {
        Problems problems = new Problems();
        if (event == null) {
            problems.add(FieldError.BODY, "a shipment event is required");
            return problems.list;
        }
        checkHeader(event, problems);
        checkParty("exporter", event.exporter(), true, problems);
        checkParty("consignee", event.consignee(), true, problems);
        checkParty("notifyParty", event.notifyParty(), false, problems);
        checkParty("intermediateConsignee", event.intermediateConsignee(), false, problems);
        checkParty("forwarder", event.forwarder(), false, problems);
        checkRoute(event.route(), problems);
        checkGoods(event.goods(), problems);
        return problems.list;
    }

    private void checkHeader(ShipmentEvent event, Problems problems) {
        problems.requireText("eventId", event.eventId(), MAX_EVENT_ID_LENGTH);
        problems.requirePresent("eventType", event.eventType());
        problems.requireText("declarationId", event.declarationId(), limits.declarationId());
        problems.requireText("reportingAgency", event.reportingAgency(), limits.reportingAgency());
        problems.requirePresent("occurredAt", event.occurredAt());
    }

    private void checkParty(String field, Party party, boolean required, Problems problems) {
        if (party == null) {
            if (required) {
                problems.add(field + ".name", "is required");
            }
            return;
        }
        problems.requireText(field + ".name", party.name(), limits.partyName());
        checkCountry(field + ".country", party.country(), problems);
        problems.withinLength(field + ".address", party.address(), limits.partyAddress());
        List<PartyIdentifier> identifiers = party.identifiers();
        if (!problems.withinSize(field + ".identifiers", identifiers, limits.identifiers(), "identifiers")) {
            return;
        }
        for (int i = 0; identifiers != null && i < identifiers.size(); i++) {
            String at = field + ".identifiers[" + i + "]";
            PartyIdentifier identifier = identifiers.get(i);
            if (identifier == null) {
                problems.add(at, "must not be null");
                continue;
            }
            problems.requireText(at + ".scheme", identifier.scheme(), limits.identifierScheme());
            problems.requireText(at + ".value", identifier.value(), limits.identifierValue());
        }
    }

    private void checkRoute(Route route, Problems problems) {
        if (route == null) {
            return;
        }
        checkCountry("route.originCountry", route.originCountry(), problems);
        checkCountry("route.destinationCountry", route.destinationCountry(), problems);
        checkPort("route.portOfLoading", route.portOfLoading(), problems);
        checkPort("route.portOfDischarge", route.portOfDischarge(), problems);
        problems.withinLength("route.modeOfTransport", route.modeOfTransport(), limits.modeOfTransport());
        checkVessel(route.vesselImo(), problems);
        List<String> transshipments = route.transshipmentPorts();
        if (!problems.withinSize("route.transshipmentPorts", transshipments, limits.transshipmentPorts(), "ports")) {
            return;
        }
        for (int i = 0; transshipments != null && i < transshipments.size(); i++) {
            String at = "route.transshipmentPorts[" + i + "]";
            if (transshipments.get(i) == null) {
                problems.add(at, "must not be null");
            } else {
                checkPort(at, transshipments.get(i), problems);
            }
        }
    }

    private void checkVessel(String vesselImo, Problems problems) {
        if (problems.withinLength("route.vesselImo", vesselImo, limits.code())
                && vesselImo != null && !ImoNumber.isValid(vesselImo)) {
            problems.add("route.vesselImo", "must be a 7-digit IMO number with a valid check digit");
        }
    }

    private void checkGoods(List<GoodsLine> goods, Problems problems) {
        if (goods == null || goods.isEmpty()) {
            problems.add("goods", "at least one goods line is required");
            return;
        }
        if (!problems.withinSize("goods", goods, limits.goodsLines(), "goods lines")) {
            return;
        }
        Set<Integer> lineNumbers = new HashSet<>();
        for (int i = 0; i < goods.size(); i++) {
            String at = "goods[" + i + "]";
            GoodsLine line = goods.get(i);
            if (line == null) {
                problems.add(at, "must not be null");
                continue;
            }
            checkLineNumber(at + ".line", line.line(), lineNumbers, problems);
            checkGoodsLine(at, line, problems);
        }
    }

    private void checkLineNumber(String field, Integer line, Set<Integer> seen, Problems problems) {
        if (line == null) {
            problems.add(field, "is required");
        } else if (line <= 0) {
            problems.add(field, "must be a positive number");
        } else if (!seen.add(line)) {
            problems.add(field, "line " + line + " appears more than once");
        }
    }

    private void checkGoodsLine(String at, GoodsLine line, Problems problems) {
        if (isBlank(line.description()) && isBlank(line.hsCode()) && isBlank(line.casNumber())) {
            problems.add(at + ".description", "a goods line needs a description, an hsCode or a casNumber");
        }
        problems.withinLength(at + ".description", line.description(), limits.goodsDescription());
        problems.withinLength(at + ".unit", line.unit(), limits.unit());
        if (problems.withinLength(at + ".hsCode", line.hsCode(), limits.code())
                && line.hsCode() != null && !HsCode.isValid(line.hsCode())) {
            problems.add(at + ".hsCode", "must be 6 to 10 digits, dots allowed (e.g. 2933.37)");
        }
        if (problems.withinLength(at + ".casNumber", line.casNumber(), limits.code()) && line.casNumber() != null) {
            if (!CasNumber.isWellFormed(line.casNumber())) {
                problems.add(at + ".casNumber", "must be a CAS number such as 39742-60-4");
            } else if (!CasNumber.isValid(line.casNumber())) {
                problems.add(at + ".casNumber", "check digit does not match: not a valid CAS number");
            }
        }
        checkNotNegative(at + ".quantity", line.quantity(), problems);
        checkMoney(at + ".value", line.value(), problems);
    }

    private void checkMoney(String at, Money money, Problems problems) {
        if (money == null) {
            return;
        }
        checkNotNegative(at + ".amount", money.amount(), problems);
        if (money.currency() != null && !isIsoCurrency(money.currency())) {
            problems.add(at + ".currency", "must be an ISO 4217 currency code such as USD");
        }
    }

    private static void checkNotNegative(String field, BigDecimal number, Problems problems) {
        if (number != null && number.signum() < 0) {
            problems.add(field, "must not be negative");
        }
    }

    private static void checkCountry(String field, String country, Problems problems) {
        if (country != null && !CountryCode.isValid(country)) {
            problems.add(field, "must be an ISO 3166-1 alpha-2 country code such as CN");
        }
    }

    private static void checkPort(String field, String port, Problems problems) {
        if (port != null && !UnLocode.isValid(port)) {
            problems.add(field, "must be a UN/LOCODE: a country code and 3 characters A-Z or 2-9, such as CNSHA");
        }
    }

    private static boolean isIsoCurrency(String code) {
        return CURRENCIES.contains(code);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Collects problems in the order they are found. */
    private static final class Problems {
        private final List<FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new FieldError(field, message));
        }

        /** A text that must be there, no longer than {@code maxLength} characters. */
        void requireText(String field, String value, int maxLength) {
            if (isBlank(value)) {
                add(field, "is required");
            } else {
                withinLength(field, value, maxLength);
            }
        }

        /** Whether a text, if there is one, has at most {@code maxLength} characters (code points); says so if not. */
        boolean withinLength(String field, String value, int maxLength) {
            if (value != null && value.codePointCount(0, value.length()) > maxLength) {
                add(field, "must be at most " + maxLength + " characters");
                return false;
            }
            return true;
        }

        /** Whether a list, if there is one, has at most {@code maxSize} items; says so if not. */
        boolean withinSize(String field, List<?> list, int maxSize, String items) {
            if (list != null && list.size() > maxSize) {
                add(field, "must have at most " + maxSize + " " + items + "; this one has " + list.size());
                return false;
            }
            return true;
        }

        void requirePresent(String field, Object value) {
            if (value == null) {
                add(field, "is required");
            }
        }
    }
}
