package io.chokepoint.monitor.codes;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
public final class CountryCode {

    private static final Set<String> ISO_ALPHA_2 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private CountryCode() {
    }

    /** Whether the text is an assigned alpha-2 code, in upper case as the standard writes it. */
    public static boolean isValid(String text) {
        return text != null && ISO_ALPHA_2.contains(text);
    }
}
