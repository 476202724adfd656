package io.chokepoint.registry.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The screening settings of the registry's application.properties (default profile), read without Quarkus: the
 * evaluation, the benchmarks and the unit tests screen exactly as the service does.
 *
 * @param alertThreshold {@code chokepoint.screening.alert-threshold}
 * @param matcher        {@code chokepoint.screening.matcher.*}
 */
public record ScreeningDefaults(double alertThreshold, MatcherSettings matcher) {

    private static final String RESOURCE = "application.properties";
    private static final String PREFIX = "chokepoint.screening.";

    public static ScreeningDefaults load() {
        Properties properties = new Properties();
        try (InputStream in = ScreeningDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return from(properties);
    }

    static ScreeningDefaults from(Properties properties) {
        return new ScreeningDefaults(Double.parseDouble(required(properties, PREFIX + "alert-threshold")),
                MatcherSettings.from(key -> required(properties, PREFIX + "matcher." + key)));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + " has no " + key);
        }
        return value.trim();
    }
}
