package io.chokepoint.monitor.risk;

import io.chokepoint.model.assessment.RiskIndicator;
import io.chokepoint.model.shipment.Route;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the route says: an end or a passage in a high-risk country or port, and a route that doubles back (a
 * transshipment in the origin country after the goods had left it, or a port visited twice), a pattern used to
 * break the paper trail between origin and destination.
 */
final class RouteRisk {

    private final Set<String> highRiskCountries;
    private final Set<String> highRiskPorts;
    private final RiskConfig.Weights weights;

    RouteRisk(Set<String> highRiskCountries, Set<String> highRiskPorts, RiskConfig.Weights weights) {
        this.highRiskCountries = Set.copyOf(highRiskCountries);
        this.highRiskPorts = Set.copyOf(highRiskPorts);
        this.weights = weights;
    }

    Optional<RiskIndicator> destination(Route route) {
        List<String> reasons = new ArrayList<>();
        String destination = route.destinationCountry();
        if (destination != null && highRiskCountries.contains(destination)) {
            reasons.add("destination country " + destination + " is configured as high-risk");
        }
        String discharge = route.portOfDischarge();
        if (discharge != null) {
            if (highRiskPorts.contains(discharge)) {
                reasons.add("port of discharge " + discharge + " is configured as high-risk");
            } else if (!countryOf(discharge).equals(destination) && highRiskCountries.contains(countryOf(discharge))) {
                reasons.add("port of discharge " + discharge + " is in " + countryOf(discharge)
                        + ", configured as high-risk");
            }
        }
        return indicator(IndicatorCode.HIGH_RISK_DESTINATION, reasons, weights.highRiskDestination());
    }

    Optional<RiskIndicator> transshipment(Route route) {
        List<String> reasons = new ArrayList<>();
        for (String port : transshipments(route)) {
            if (highRiskPorts.contains(port)) {
                reasons.add("transshipment port " + port + " is configured as high-risk");
            } else if (highRiskCountries.contains(countryOf(port))) {
                reasons.add("transshipment port " + port + " is in " + countryOf(port) + ", configured as high-risk");
            }
        }
        return indicator(IndicatorCode.HIGH_RISK_TRANSSHIPMENT, reasons, weights.highRiskTransshipment());
    }

    Optional<RiskIndicator> doublesBack(Route route) {
        List<String> reasons = new ArrayList<>();
        List<String> ports = portsInOrder(route);
        Set<String> seen = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (String port : ports) {
            if (!seen.add(port) && reported.add(port)) {
                reasons.add("port " + port + " is visited twice (" + String.join(" > ", ports) + ")");
            }
        }
        String origin = route.originCountry() != null ? route.originCountry()
                : route.portOfLoading() != null ? countryOf(route.portOfLoading()) : null;
        if (origin != null) {
            backInOrigin(route, origin).ifPresent(reasons::add);
        }
        return indicator(IndicatorCode.ROUTE_DOUBLES_BACK, reasons, weights.routeDoublesBack());
    }

    /** The first transshipment port back in the origin country once a port outside it has been reached. */
    private static Optional<String> backInOrigin(Route route, String origin) {
        String leftAt = null;
        if (route.portOfLoading() != null && !countryOf(route.portOfLoading()).equals(origin)) {
            leftAt = route.portOfLoading();
        }
        for (String port : transshipments(route)) {
            if (!countryOf(port).equals(origin)) {
                leftAt = leftAt == null ? port : leftAt;
            } else if (leftAt != null) {
                return Optional.of("transshipment port " + port + " is in " + origin + ", the origin country, after"
                        + " the goods had left it at " + leftAt);
            }
        }
        return Optional.empty();
    }

    private static List<String> portsInOrder(Route route) {
        List<String> ports = new ArrayList<>();
        if (route.portOfLoading() != null) {
            ports.add(route.portOfLoading());
        }
        ports.addAll(transshipments(route));
        if (route.portOfDischarge() != null) {
            ports.add(route.portOfDischarge());
        }
        return ports;
    }

    private static List<String> transshipments(Route route) {
        return route.transshipmentPorts() == null ? List.of()
                : route.transshipmentPorts().stream().filter(port -> port != null && port.length() >= 2).toList();
    }

    /** A UN/LOCODE begins with its country's code. */
    private static String countryOf(String port) {
        return port.substring(0, 2);
    }

    static Optional<RiskIndicator> indicator(IndicatorCode code, List<String> reasons, double weight) {
        return reasons.isEmpty() ? Optional.empty()
                : Optional.of(new RiskIndicator(code.name(), capitalised(String.join("; ", reasons)), weight));
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
