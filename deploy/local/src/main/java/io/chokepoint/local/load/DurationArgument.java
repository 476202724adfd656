package io.chokepoint.local.load;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as typed on the command line: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, or ISO-8601 {@code PT1M}. */
final class DurationArgument {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

    private DurationArgument() {
    }

    static Duration parse(String option, String text) {
        Matcher shortForm = SHORT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " takes a duration such as 30s, 2m or PT1M, not '" + text + "'");
        }
    }
}
