package io.chokepoint.monitor.codes;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CAS Registry Number, such as {@code 39742-60-4}: two to seven digits, two digits, and a check digit that is
 * the sum of the other digits, each weighted by its position counted from the right, modulo 10.
 * Partners sometimes send the digits without hyphens, so both forms are read; the hyphenated form is canonical.
 */
public record CasNumber(String canonical) {

    private static final Pattern HYPHENATED = Pattern.compile("(\\d{2,7})-(\\d{2})-(\\d)");
    private static final Pattern DIGITS_ONLY = Pattern.compile("\\d{5,10}");

    /** Reads a CAS number in either form; empty when malformed or when the check digit is wrong. */
    public static Optional<CasNumber> parse(String text) {
        String digits = digitsOf(text);
        if (digits == null || !checkDigitHolds(digits)) {
            return Optional.empty();
        }
        int length = digits.length();
        return Optional.of(new CasNumber(
                digits.substring(0, length - 3) + "-" + digits.substring(length - 3, length - 1) + "-"
                        + digits.charAt(length - 1)));
    }

    /** Whether the text has the shape of a CAS number, whatever its check digit. */
    public static boolean isWellFormed(String text) {
        return digitsOf(text) != null;
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    private static String digitsOf(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (HYPHENATED.matcher(trimmed).matches()) {
            return trimmed.replace("-", "");
        }
        return DIGITS_ONLY.matcher(trimmed).matches() ? trimmed : null;
    }

    static boolean checkDigitHolds(String digits) {
        int last = digits.length() - 1;
        int sum = 0;
        for (int i = 0; i < last; i++) {
            int weight = last - i;
            sum += (digits.charAt(i) - '0') * weight;
        }
        return sum % 10 == digits.charAt(last) - '0';
    }

    @Override
    public String toString() {
        return canonical;
    }
}
