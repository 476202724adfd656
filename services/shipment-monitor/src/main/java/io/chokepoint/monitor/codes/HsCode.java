package io.chokepoint.monitor.codes;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Harmonized System code as declared: 6 to 10 digits, dots allowed between groups ({@code 2933.37},
 * {@code 293337}, {@code 2933.3990.73}). The first six digits are the international HS subheading; what follows
 * is national.
 */
public record HsCode(String digits) {

    private static final Pattern DOTTED_DIGITS = Pattern.compile("\\d+(\\.\\d+)*");
    public static final int MIN_DIGITS = 6;
    public static final int MAX_DIGITS = 10;

    /** Reads a declared code; empty when it is not 6 to 10 digits with optional dots. */
    public static Optional<HsCode> parse(String text) {
        if (text == null || !DOTTED_DIGITS.matcher(text.trim()).matches()) {
            return Optional.empty();
        }
        String digits = text.trim().replace(".", "");
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(new HsCode(digits));
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /**
     * Reads a catalog code, which may be shorter than a declaration (a heading such as {@code 2933.39} names every
     * national line under it). Only digits and dots are allowed.
     */
    public static HsCode ofCatalog(String text) {
        if (text == null || !DOTTED_DIGITS.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException("not an HS code: " + text);
        }
        return new HsCode(text.trim().replace(".", ""));
    }

    /** Whether this code lies under the given (possibly shorter) code, such as 2933399073 under 2933.39. */
    public boolean isUnder(HsCode broader) {
        return digits.startsWith(broader.digits);
    }

    /** The HS chapter, its first two digits. */
    public String chapter() {
        return digits.substring(0, 2);
    }

    /** The usual written form: {@code 2933.37}, {@code 2933.3990.73}. */
    public String display() {
        if (digits.length() <= 4) {
            return digits;
        }
        String heading = digits.substring(0, 4) + "." + digits.substring(4, Math.min(6, digits.length()));
        if (digits.length() <= 6) {
            return heading;
        }
        String national = digits.substring(6);
        return digits.length() <= 8 ? heading + national : heading + national.substring(0, 2) + "." + national.substring(2);
    }

    @Override
    public String toString() {
        return display();
    }
}
