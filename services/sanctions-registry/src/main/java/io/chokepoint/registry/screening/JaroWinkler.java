package io.chokepoint.registry.screening;

/**
 * Jaro-Winkler similarity of two strings, 0 (nothing in common) to 1 (equal). Written here, not taken from a
 * library, so that the screening engine has no dependency and its behaviour is visible in one place.
 */
public final class JaroWinkler {

    /** Winkler's scaling factor for a common prefix. */
    private static final double PREFIX_SCALE = 0.1;
    /** Winkler counts at most this many leading characters. */
    private static final int MAX_PREFIX = 4;
    /** Winkler's boost only applies to strings that are already similar. */
    private static final double BOOST_THRESHOLD = 0.7;

    private JaroWinkler() {
    }

    public static double similarity(String a, String b) {
        double jaro = jaro(a, b);
        if (jaro < BOOST_THRESHOLD) {
            return jaro;
        }
        int prefix = commonPrefix(a, b);
        return jaro + prefix * PREFIX_SCALE * (1 - jaro);
    }

    static double jaro(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] matchedA = new boolean[la];
        boolean[] matchedB = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int halfTranspositions = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            if (matchedA[i]) {
                while (!matchedB[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    halfTranspositions++;
                }
                k++;
            }
        }
        double m = matches;
        return (m / la + m / lb + (m - halfTranspositions / 2.0) / m) / 3.0;
    }

    private static int commonPrefix(String a, String b) {
        int max = Math.min(MAX_PREFIX, Math.min(a.length(), b.length()));
        int n = 0;
        while (n < max && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
