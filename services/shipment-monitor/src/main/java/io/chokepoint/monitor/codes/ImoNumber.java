package io.chokepoint.monitor.codes;

import java.util.regex.Pattern;

/**
 * An IMO ship identification number, seven digits, optionally written {@code IMO 9321483}: the last digit is the
 * sum of the first six weighted 7 down to 2, modulo 10.
 */
public final class ImoNumber {

    private static final Pattern FORM = Pattern.compile("(IMO\\s?)?(\\d{7})");

    private ImoNumber() {
    }

    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        var matcher = FORM.matcher(text.trim());
        if (!matcher.matches()) {
            return false;
        }
        String digits = matcher.group(2);
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (digits.charAt(i) - '0') * (7 - i);
        }
        return sum % 10 == digits.charAt(6) - '0';
    }
}
