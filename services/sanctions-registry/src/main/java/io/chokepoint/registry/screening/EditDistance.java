package io.chokepoint.registry.screening;

/**
 * Optimal string alignment distance: letters inserted, deleted, substituted, and adjacent letters swapped
 * ("negar" / "negra" is one edit), each counting one. Bounded: only the diagonal band that a distance of at most
 * {@code max} can use is computed, and dissimilar words are given up on early, so comparing many words is cheap.
 */
final class EditDistance {

    private static final int FAR = Integer.MAX_VALUE / 2;

    private EditDistance() {
    }

    /** The distance, or {@code max + 1} as soon as it is known to exceed {@code max}. */
    static int bounded(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > max) {
            return max + 1;
        }
        int[] before = new int[lb + 1];
        int[] previous = new int[lb + 1];
        int[] current = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            previous[j] = j <= max ? j : FAR;
        }
        for (int i = 1; i <= la; i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(lb, i + max);
            current[0] = i <= max ? i : FAR;
            if (from > 1) {
                current[from - 1] = FAR;
            }
            int rowMin = current[0];
            char ca = a.charAt(i - 1);
            for (int j = from; j <= to; j++) {
                char cb = b.charAt(j - 1);
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (ca == cb ? 0 : 1));
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (to < lb) {
                current[to + 1] = FAR;
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[lb], max + 1);
    }
}
