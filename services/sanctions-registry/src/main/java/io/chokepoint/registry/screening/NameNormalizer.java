package io.chokepoint.registry.screening;

import io.chokepoint.registry.entities.EntityType;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces a name to tokens: script, case, accents, punctuation and legal forms do not tell two parties apart,
 * and declared names vary in all of them ("Co., Ltd." / "COMPANY LIMITED", "Nuñez" / "NUNEZ", "Жуков" / "Zhukov").
 * Thread-safe and allocation-light: every screened name passes here.
 */
public final class NameNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Apostrophes and the ayn/hamza signs of transliterations join the parts of a word: O'Brien, Myo'ng, Ja'far. */
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´ʹʻʼʽʾʿ]");
    /** Letters written with dots, "S.A." or "L.L.C.", are one word: "sa", "llc". */
    private static final Pattern DOTTED_LETTERS =
            Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}(?:\\.\\p{L})+(?![\\p{L}\\p{N}])\\.?");
    /** The Arabic article, however it is written before a "sun letter" (ar-Rahman, as-Sadr, ad-Din, ...). */
    private static final Set<String> ASSIMILATED_ARTICLES =
            Set.of("ar", "as", "ash", "at", "ath", "ad", "adh", "az", "an", "ur", "ud");
    /** The Arabic article as {@link TokenSimilarity} knows it: "al", "el" and "ul" (Urdu) are one word. */
    static final Set<String> ARTICLES = Set.of("al", "el", "ul");
    private static final String ARTICLE = "al";
    /** Shortened words of company names, written out. */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("intl", "international"), Map.entry("natl", "national"), Map.entry("mfg", "manufacturing"),
            Map.entry("dept", "department"), Map.entry("assn", "association"), Map.entry("assoc", "association"),
            Map.entry("bros", "brothers"), Map.entry("ctr", "center"), Map.entry("centre", "center"),
            Map.entry("svc", "services"), Map.entry("svcs", "services"), Map.entry("tech", "technology"),
            Map.entry("chem", "chemical"), Map.entry("pharma", "pharmaceutical"), Map.entry("pharm", "pharmaceutical"),
            Map.entry("trdg", "trading"), Map.entry("engg", "engineering"), Map.entry("mgmt", "management"),
            Map.entry("ind", "industrial"), Map.entry("inds", "industries"), Map.entry("mohd", "mohammad"),
            Map.entry("muhd", "muhammad"));

    private NameNormalizer() {
    }

    /** The name of a party of any type: legal forms are removed. */
    public static NormalizedName normalize(String raw) {
        return normalize(raw, null);
    }

    /**
     * The name of a party of this type (null if unknown). A person's name keeps every word: "MOUSSA, Bah Ag" ends in
     * a given name, not in the German legal form.
     */
    public static NormalizedName normalize(String raw, EntityType type) {
        if (raw == null || raw.isBlank()) {
            return NormalizedName.EMPTY;
        }
        Transliteration.Result latin = Transliteration.toLatin(raw);
        Tokens tokens = tokenize(fold(latin.latin()));
        List<String> words = canonicalWords(tokens, latin.unvowelled());
        int surnames = Math.min(tokens.beforeComma, words.size());
        LegalForms.Stripped stripped = type == EntityType.PERSON ? LegalForms.Stripped.NONE : LegalForms.strip(words);
        surnames = Math.max(0, Math.min(surnames - stripped.leadingTokens(), words.size()));
        if (surnames == words.size()) {
            surnames = 0;
        }
        return new NormalizedName(List.copyOf(words), stripped.forms(), key(words), surnames, latin.unvowelled());
    }

    /** Lower case, accents removed, letters that decomposition leaves alone folded ("ß" is "ss"). */
    static String fold(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (isAscii(lower)) {
            return lower;
        }
        String decomposed = Normalizer.normalize(foldLetters(lower), Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("");
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

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
                case 'ə' -> out.append('e');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Words of the folded name, with where the first comma stood ("GUZMAN LOERA, Joaquin": the surnames come
     * first) and which words a hyphen joined to the next ("AL-ASSAD").
     */
    private static Tokens tokenize(String folded) {
        String text = APOSTROPHES.matcher(folded.replace("&", " and ")).replaceAll("");
        text = joinDottedLetters(text);
        Tokens out = new Tokens();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
                continue;
            }
            if (!word.isEmpty()) {
                out.words.add(word.toString());
                out.hyphenated.add(c == '-');
                word.setLength(0);
            }
            if (c == ',' && out.beforeComma == 0) {
                out.beforeComma = out.words.size();
            }
        }
        return out;
    }

    private static String joinDottedLetters(String text) {
        if (text.indexOf('.') < 0) {
            return text;
        }
        Matcher m = DOTTED_LETTERS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, m.group().replace(".", "") + " ");
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * One spelling for the assimilated Arabic article ("ar-Rahman" is "al rahman") and for common abbreviations.
     * "El" stays as written, so that a typo in it ("LE TILEMSI") is still two swapped letters of what is listed.
     */
    private static List<String> canonicalWords(Tokens tokens, boolean unvowelled) {
        List<String> out = new ArrayList<>(tokens.words.size() + 1);
        List<String> words = tokens.words;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : null;
            if (next != null && isArticle(word, next, tokens.hyphenated.get(i))) {
                out.add(ARTICLE);
            } else if (unvowelled && word.startsWith(ARTICLE) && word.length() >= 5) {
                // Arabic writes the article joined to the word: "الأسد" comes out as "alasd".
                out.add(ARTICLE);
                out.add(word.substring(ARTICLE.length()));
            } else {
                out.add(ABBREVIATIONS.getOrDefault(word, word));
            }
        }
        return out;
    }

    private static boolean isArticle(String word, String next, boolean hyphenated) {
        return ASSIMILATED_ARTICLES.contains(word)
                && (hyphenated || next.charAt(0) == word.charAt(word.length() - 1));
    }

    static String key(List<String> tokens) {
        return tokens.stream().sorted().reduce((a, b) -> a + " " + b).orElse("");
    }

    private static final class Tokens {
        final List<String> words = new ArrayList<>();
        final List<Boolean> hyphenated = new ArrayList<>();
        int beforeComma;
    }
}
