package io.chokepoint.monitor.risk;

/** The risk indicators an assessment may carry; each appears at most once, its description listing every reason. */
public enum IndicatorCode {
    HIGH_RISK_DESTINATION,
    HIGH_RISK_TRANSSHIPMENT,
    QUANTITY_ABOVE_THRESHOLD,
    FIRST_TIME_TRADING_PAIR,
    ROUTE_DOUBLES_BACK
}
