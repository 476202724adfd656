package io.chokepoint.alerting.lifecycle;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of a party name that a suppression is keyed on, so that the same name written with other accents,
 * case, punctuation or spacing is the same party: compatibility decomposition (NFKD), accents dropped, lower case,
 * every run of characters other than letters and digits made one space, trimmed.
 * {@code "Distribuidora Ejemplo S.A. de C.V."} becomes {@code "distribuidora ejemplo s a de c v"}.
 * Consumers (sanctions-registry) must normalise the names they screen the same way to honour a suppression.
 */
public final class PartyNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private PartyNames() {
    }

    public static String normalize(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(plain).replaceAll(" ").trim();
    }

    /** The record key on {@code alerts.suppressions}: {@code <entityId>|<normalized name>}. */
    public static String suppressionKey(String entityId, String normalizedName) {
        return entityId + "|" + normalizedName;
    }
}
