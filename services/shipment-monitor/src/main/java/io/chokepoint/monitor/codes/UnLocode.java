package io.chokepoint.monitor.codes;

import java.util.regex.Pattern;

/**
 * The form of a UN/LOCODE, such as {@code CNSHA}: an ISO 3166-1 alpha-2 country and three characters from A-Z and
 * 2-9 (0 and 1 are left out of the standard so they are not read as O and I). Whether the location exists is not
 * checked: that needs the UNECE code list.
 */
public final class UnLocode {

    private static final Pattern LOCATION = Pattern.compile("[A-Z2-9]{3}");

    private UnLocode() {
    }

    public static boolean isValid(String text) {
        return text != null
                && text.length() == 5
                && CountryCode.isValid(text.substring(0, 2))
                && LOCATION.matcher(text.substring(2)).matches();
    }
}
