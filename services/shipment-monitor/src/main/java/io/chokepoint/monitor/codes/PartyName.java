package io.chokepoint.monitor.codes;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A party's name reduced to what identifies it across events: case, accents and punctuation dropped, so that
 * "Distribuidora Ejemplo, S.A. de C.V." and "DISTRIBUIDORA EJEMPLO SA DE CV" are one party. Legal forms are kept:
 * "Acme Ltd" and "Acme Inc" may well be two companies.
 */
public final class PartyName {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PartyName() {
    }

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(plain).replaceAll("");
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }
}
