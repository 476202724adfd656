package io.chokepoint.registry.screening;

/**
 * How alike two words are, 0 to 1, forgiving typos by the word's length. Two swapped neighbours, the commonest
 * typo, rarely make another name: forgiven in a word of any length ("kmi" for "kim"), each costing
 * {@link MatcherSettings#swapCost()} divided by the length (so a typo weighs less in a long word). A letter added,
 * dropped or changed more often does make another name in a short word ("Kenji" / "Wenji", "Qian" / "Jian"): each
 * costs {@link MatcherSettings#typoCost()} divided by the length, and a pair below
 * {@link MatcherSettings#minTokenSimilarity()} does not match, so with the defaults a word of L letters may carry
 * L/5 such typos: none up to 4 letters, one from 5, two from 10. In a person's name, an initial is worth
 * {@link MatcherSettings#initialSimilarity()} of the word it begins. The spellings of the Arabic article ("al", "el",
 * "ul") are equal.
 */
final class TokenSimilarity {

    private static final String VOWELS = "aeiouyw";
    private static final int SHORTEST_SWAP_LENGTH = 3;
    /** Floating-point slack, so that 5 x 0.2 is one typo and not 0.999... */
    private static final double SLACK = 1e-9;

    private final MatcherSettings settings;

    TokenSimilarity(MatcherSettings settings) {
        this.settings = settings;
    }

    /**
     * @param unvowelled one of the words comes from a script without short vowels: consonants decide
     * @param initials   whether an initial may stand for a word: in a person's name ("J." for "Joaquin"), not in a
     *                   company's, where "M. D. S." are no abbreviation of "Mumbai Sunrise"
     */
    double similarity(String a, String b, boolean unvowelled, boolean initials) {
        if (initials && isInitialOf(a, b)) {
            return settings.initialSimilarity();
        }
        double plain = similarity(a, b);
        if (!unvowelled || plain >= settings.unvowelledSimilarity()) {
            return plain;
        }
        String sa = skeleton(a);
        String sb = skeleton(b);
        return sa.length() >= 2 && sa.equals(sb) ? settings.unvowelledSimilarity() : plain;
    }

    double similarity(String a, String b) {
        if (a.equals(b) || NameNormalizer.ARTICLES.contains(a) && NameNormalizer.ARTICLES.contains(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        int length = Math.max(la, lb);
        if (la == lb && isOneSwap(a, b)) {
            // Two letters count as three, or "ri" written "ir" would not even reach the floor.
            return 1.0 - settings.swapCost() / Math.max(length, SHORTEST_SWAP_LENGTH);
        }
        int allowed = allowedTypos(Math.min(la, lb));
        if (allowed > 0 && Math.abs(la - lb) <= allowed) {
            int typos = EditDistance.bounded(a, b, allowed);
            if (typos <= allowed) {
                return 1.0 - settings.typoCost() * typos / length;
            }
        }
        return 0.0;
    }

    private static boolean isInitialOf(String a, String b) {
        return a.length() != b.length() && (a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0);
    }

    /** Letters a word of this length may have added, dropped or changed and still match. */
    int allowedTypos(int length) {
        return (int) Math.floor(length * (1 - settings.minTokenSimilarity()) / settings.typoCost() + SLACK);
    }

    /** The shortest word that may carry a typo other than a swap. */
    int shortestWithTypo() {
        int length = 1;
        while (allowedTypos(length) == 0 && length < 64) {
            length++;
        }
        return length;
    }

    /** Whether two words of equal length differ only by two neighbouring letters swapped. */
    static boolean isOneSwap(String a, String b) {
        int first = 0;
        while (first < a.length() && a.charAt(first) == b.charAt(first)) {
            first++;
        }
        return first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first)
                && a.regionMatches(first + 2, b, first + 2, a.length() - first - 2);
    }

    /** The consonants, doubled ones once: "muhammad" and the Arabic "mhmd" are both "mhmd". */
    static String skeleton(String word) {
        StringBuilder out = new StringBuilder(word.length());
        char last = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (VOWELS.indexOf(c) < 0 && c != last) {
                out.append(c);
            }
            last = c;
        }
        return out.toString();
    }
}
