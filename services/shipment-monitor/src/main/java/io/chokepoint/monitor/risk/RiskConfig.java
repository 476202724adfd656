package io.chokepoint.monitor.risk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The risk indicators beside the goods: which places are high-risk, which quantities are large, and how much each
 * indicator weighs. Checked at start by {@link RiskRules}: a wrong code or unit stops the service rather than
 * silently never firing.
 */
@ConfigMapping(prefix = "chokepoint.risk")
public interface RiskConfig {

    /**
     * ISO 3166-1 alpha-2 countries configured as high-risk: a destination country, a port of discharge or a
     * transshipment port in one of them is an indicator. Empty by default: each deployment sets its own list.
     */
    Optional<Set<String>> highRiskCountries();

    /**
     * UN/LOCODE ports configured as high-risk, as port of discharge or transshipment port (a port can be high-risk in
     * a country that is not). Empty by default.
     */
    Optional<Set<String>> highRiskPorts();

    /**
     * Quantity above which a catalog item on one shipment is an indicator, written as an amount and a unit
     * ({@code 1 KG}, {@code 2 PCS}), keyed by catalog item code ({@code NPP}) or by category ({@code PRECURSOR}); the
     * item's own threshold wins. The lines of one item are added up, in units convertible to the threshold's (mass,
     * volume or count), so that splitting a consignment over lines does not hide it.
     */
    Map<String, String> quantityThresholds();

    /** Total weight of its indicators at which a shipment is flagged even without goods of interest. */
    @WithDefault("0.3")
    double flagThreshold();

    /** How much each indicator weighs, from 0 to 1; alerting may use the weights to grade severity. */
    Weights weight();

    /** Weight of each indicator code. */
    interface Weights {

        /** {@code HIGH_RISK_DESTINATION}: the goods end in a high-risk country or port. */
        @WithDefault("0.3")
        double highRiskDestination();

        /** {@code HIGH_RISK_TRANSSHIPMENT}: the goods pass through a high-risk country or port. */
        @WithDefault("0.3")
        double highRiskTransshipment();

        /** {@code QUANTITY_ABOVE_THRESHOLD}: more of a catalog item than its configured threshold. */
        @WithDefault("0.3")
        double quantityAboveThreshold();

        /**
         * {@code FIRST_TIME_TRADING_PAIR}: the exporter and consignee were never seen together before. Low by default:
         * every new trade relationship starts so.
         */
        @WithDefault("0.1")
        double firstTimeTradingPair();

        /** {@code ROUTE_DOUBLES_BACK}: the route returns to the origin country or visits a port twice. */
        @WithDefault("0.3")
        double routeDoublesBack();
    }
}
