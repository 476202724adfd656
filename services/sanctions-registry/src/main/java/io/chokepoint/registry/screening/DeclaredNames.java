package io.chokepoint.registry.screening;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A party name in the form alerting keys its false-positive suppressions by ({@code PartySuppressionChanged}):
 * decomposed (NFKD), accents dropped, lower case, each run of characters other than letters and digits one space,
 * trimmed. "Distribuidora Ejemplo S.A. de C.V." is "distribuidora ejemplo s a de c v". Much closer to the name as
 * declared than {@link NormalizedName#key()}: no transliteration, legal forms and word order kept.
 */
public final class DeclaredNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private DeclaredNames() {
    }

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
