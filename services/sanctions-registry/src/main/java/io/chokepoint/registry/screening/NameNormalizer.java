package io.chokepoint.registry.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reduces a name to tokens: case, accents, punctuation and legal forms do not tell two parties apart,
 * and declared names vary in all of them ("Co., Ltd." / "COMPANY LIMITED", "Nuñez" / "NUNEZ").
 */
public final class NameNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Apostrophes join the parts of a word: O'Brien is one token, as is Myo'ng. */
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʼ´]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * Legal forms removed from the end of a name, as token sequences after punctuation was removed
     * ("S.A. de C.V." becomes "s a de c v"). Removed repeatedly, so "Co., Ltd." goes as "ltd" then "co".
     */
    private static final List<List<String>> TRAILING_FORMS = phrases(
            "company limited", "co limited", "co ltd", "coltd", "limited", "ltd", "company", "co",
            "corporation", "corp", "incorporated", "inc", "llc", "l l c", "llp", "lp", "plc",
            "gmbh", "mbh", "kg", "ag", "sa de cv", "s a de c v", "s de rl de cv", "s de r l de c v",
            "sapi de cv", "s a p i de c v", "s de rl", "s de r l", "de cv", "de c v", "sa", "s a", "sas",
            "sarl", "srl", "s r l", "spa", "s p a", "sl", "s l", "ltda", "bv", "b v", "nv", "n v",
            "pte", "pvt", "private limited", "sdn bhd", "bhd", "oy", "ab", "as", "a s", "aps",
            "jsc", "ojsc", "cjsc", "pjsc", "fze", "fzco", "fzc", "fz llc");

    /** Legal forms that stand in front of the name, mostly in the former Soviet Union and Indonesia. */
    private static final List<List<String>> LEADING_FORMS = phrases(
            "ooo", "zao", "oao", "pao", "tov", "pt", "m s", "the");

    private NameNormalizer() {
    }

    public static NormalizedName normalize(String raw) {
        List<String> tokens = tokens(raw);
        List<String> removed = new ArrayList<>();
        stripTrailing(tokens, removed);
        stripLeading(tokens, removed);
        return new NormalizedName(List.copyOf(tokens), List.copyOf(removed), key(tokens));
    }

    /** Folded, lower-case tokens, legal forms kept. */
    static List<String> tokens(String raw) {
        if (raw == null) {
            return new ArrayList<>();
        }
        String folded = foldLetters(raw.toLowerCase(Locale.ROOT));
        folded = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFKD)).replaceAll("");
        folded = APOSTROPHES.matcher(folded.replace("&", " and ")).replaceAll("");
        String spaced = SEPARATORS.matcher(folded).replaceAll(" ").trim();
        return spaced.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(spaced.split(" ")));
    }

    /** Letters that Unicode decomposition leaves alone. */
    private static String foldLetters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ø' -> out.append('o');
                case 'đ', 'ð' -> out.append('d');
                case 'ł' -> out.append('l');
                case 'þ' -> out.append("th");
                case 'ı' -> out.append('i');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void stripTrailing(List<String> tokens, List<String> removed) {
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (List<String> form : TRAILING_FORMS) {
                int from = tokens.size() - form.size();
                // A name is never reduced to nothing: "Company Limited" alone stays as it is.
                if (from >= 1 && tokens.subList(from, tokens.size()).equals(form)) {
                    removed.add(0, String.join(" ", form));
                    tokens.subList(from, tokens.size()).clear();
                    stripped = true;
                    break;
                }
            }
        }
    }

    private static void stripLeading(List<String> tokens, List<String> removed) {
        for (List<String> form : LEADING_FORMS) {
            if (tokens.size() > form.size() && tokens.subList(0, form.size()).equals(form)) {
                removed.add(String.join(" ", form));
                tokens.subList(0, form.size()).clear();
                return;
            }
        }
    }

    static String key(List<String> tokens) {
        return tokens.stream().sorted().reduce((a, b) -> a + " " + b).orElse("");
    }

    private static List<List<String>> phrases(String... phrases) {
        return Arrays.stream(phrases)
                .map(p -> List.of(p.split(" ")))
                .sorted(Comparator.comparingInt((List<String> p) -> p.size()).reversed())
                .toList();
    }
}
