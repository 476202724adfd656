package io.chokepoint.monitor.risk;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configured quantity threshold, such as {@code 1 KG}.
 *
 * @param appliesTo the catalog item code or category it was configured for
 */
public record Threshold(String appliesTo, BigDecimal amount, String unitName, QuantityUnit unit) {

    private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([A-Za-z0-9]+)\\s*");

    /** Reads {@code <amount> <unit>}; empty when the text is not that or the unit is unknown. */
    public static Optional<Threshold> parse(String appliesTo, String text) {
        Matcher matcher = AMOUNT_AND_UNIT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String unitName = matcher.group(2).toUpperCase(java.util.Locale.ROOT);
        return QuantityUnit.of(unitName)
                .map(unit -> new Threshold(appliesTo, new BigDecimal(matcher.group(1)), unitName, unit));
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + " " + unitName;
    }
}
