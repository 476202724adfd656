package io.chokepoint.monitor.risk;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A unit of quantity as partners write it (common abbreviations and UN/ECE Recommendation 20 codes), with its
 * dimension and its size in the dimension's base unit (kilogram, litre, piece), so that 500 G and 2 KGM can be added.
 */
public record QuantityUnit(String dimension, BigDecimal inBaseUnit) {

    private static final String MASS = "mass";
    private static final String VOLUME = "volume";
    private static final String COUNT = "count";

    private static final Map<String, QuantityUnit> UNITS = Map.ofEntries(
            Map.entry("MG", new QuantityUnit(MASS, new BigDecimal("0.000001"))),
            Map.entry("MGM", new QuantityUnit(MASS, new BigDecimal("0.000001"))),
            Map.entry("G", new QuantityUnit(MASS, new BigDecimal("0.001"))),
            Map.entry("GR", new QuantityUnit(MASS, new BigDecimal("0.001"))),
            Map.entry("GRM", new QuantityUnit(MASS, new BigDecimal("0.001"))),
            Map.entry("KG", new QuantityUnit(MASS, BigDecimal.ONE)),
            Map.entry("KGS", new QuantityUnit(MASS, BigDecimal.ONE)),
            Map.entry("KGM", new QuantityUnit(MASS, BigDecimal.ONE)),
            Map.entry("T", new QuantityUnit(MASS, new BigDecimal("1000"))),
            Map.entry("MT", new QuantityUnit(MASS, new BigDecimal("1000"))),
            Map.entry("TNE", new QuantityUnit(MASS, new BigDecimal("1000"))),
            Map.entry("LB", new QuantityUnit(MASS, new BigDecimal("0.45359237"))),
            Map.entry("LBS", new QuantityUnit(MASS, new BigDecimal("0.45359237"))),
            Map.entry("LBR", new QuantityUnit(MASS, new BigDecimal("0.45359237"))),
            Map.entry("ML", new QuantityUnit(VOLUME, new BigDecimal("0.001"))),
            Map.entry("MLT", new QuantityUnit(VOLUME, new BigDecimal("0.001"))),
            Map.entry("L", new QuantityUnit(VOLUME, BigDecimal.ONE)),
            Map.entry("LT", new QuantityUnit(VOLUME, BigDecimal.ONE)),
            Map.entry("LTR", new QuantityUnit(VOLUME, BigDecimal.ONE)),
            Map.entry("M3", new QuantityUnit(VOLUME, new BigDecimal("1000"))),
            Map.entry("MTQ", new QuantityUnit(VOLUME, new BigDecimal("1000"))),
            Map.entry("PCS", new QuantityUnit(COUNT, BigDecimal.ONE)),
            Map.entry("PC", new QuantityUnit(COUNT, BigDecimal.ONE)),
            Map.entry("PCE", new QuantityUnit(COUNT, BigDecimal.ONE)),
            Map.entry("EA", new QuantityUnit(COUNT, BigDecimal.ONE)),
            Map.entry("NAR", new QuantityUnit(COUNT, BigDecimal.ONE)),
            Map.entry("H87", new QuantityUnit(COUNT, BigDecimal.ONE)),
            Map.entry("UNIT", new QuantityUnit(COUNT, BigDecimal.ONE)),
            Map.entry("UNITS", new QuantityUnit(COUNT, BigDecimal.ONE)),
            // A set of tableting equipment (a press with its tooling) counts as one piece of equipment.
            Map.entry("SET", new QuantityUnit(COUNT, BigDecimal.ONE)),
            Map.entry("SETS", new QuantityUnit(COUNT, BigDecimal.ONE)));

    public static Optional<QuantityUnit> of(String unit) {
        return unit == null ? Optional.empty() : Optional.ofNullable(UNITS.get(unit.trim().toUpperCase(Locale.ROOT)));
    }

    /** An amount in this unit, in another unit of the same dimension. */
    public BigDecimal convert(BigDecimal amount, QuantityUnit target) {
        return amount.multiply(inBaseUnit).divide(target.inBaseUnit, java.math.MathContext.DECIMAL64);
    }

    public boolean isConvertibleTo(QuantityUnit other) {
        return dimension.equals(other.dimension);
    }
}
