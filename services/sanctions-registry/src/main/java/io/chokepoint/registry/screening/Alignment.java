package io.chokepoint.registry.screening;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a query's words paired with a listed name's words, and the name similarity that follows. Described in
 * words only for reported matches: most candidates are scored and dropped.
 */
final class Alignment {

    /**
     * Query words [queryFrom, queryTo) paired with listed words [listedFrom, listedTo); one side is a single word.
     * Positions past a name's tokens are its words read as legal forms ({@link NormalizedName#formWords()}).
     */
    record Pair(int queryFrom, int queryTo, int listedFrom, int listedTo, double similarity) {

        int width() {
            return queryTo - queryFrom + listedTo - listedFrom;
        }
    }

    private final NormalizedName query;
    private final NormalizedName listed;
    private final List<Pair> pairs;
    private final double[] queryWeights;
    private final double[] listedWeights;
    private final boolean person;
    private final double score;

    Alignment(NormalizedName query, NormalizedName listed, List<Pair> pairs, double[] queryWeights,
              double[] listedWeights, boolean person, double score) {
        this.query = query;
        this.listed = listed;
        this.pairs = pairs;
        this.queryWeights = queryWeights;
        this.listedWeights = listedWeights;
        this.person = person;
        this.score = score;
    }

    double score() {
        return score;
    }

    NormalizedName listed() {
        return listed;
    }

    /**
     * "joaquin w5.2, lorea~loera 0.90 w8.0; query only: junior w9.1; listed only: archivaldo w8.0 x0.50 (middle name)":
     * the pairs with their similarity when below 1 and their weight, then the words left over on either side.
     */
    String describe(NameScorer scorer) {
        if (pairs.isEmpty()) {
            return "no word in common";
        }
        boolean[] queryUsed = new boolean[queryWeights.length];
        boolean[] listedUsed = new boolean[listedWeights.length];
        List<String> queryWords = allWords(query);
        List<String> listedWords = allWords(listed);
        List<String> parts = new ArrayList<>();
        for (Pair pair : pairs) {
            String q = String.join(" ", queryWords.subList(pair.queryFrom(), pair.queryTo()));
            String l = String.join(" ", listedWords.subList(pair.listedFrom(), pair.listedTo()));
            String weight = " w" + format1(NameScorer.pairWeight(pair, queryWeights, listedWeights));
            parts.add(q.equals(l) ? q + weight : q + "~" + l + " " + format2(pair.similarity()) + weight);
            mark(queryUsed, pair.queryFrom(), pair.queryTo());
            mark(listedUsed, pair.listedFrom(), pair.listedTo());
        }
        StringBuilder out = new StringBuilder(String.join(", ", parts));
        appendLeftOver(out, "query only", query, queryWeights, queryUsed, scorer);
        appendLeftOver(out, "listed only", listed, listedWeights, listedUsed, scorer);
        return out.toString();
    }

    private void appendLeftOver(StringBuilder out, String label, NormalizedName name, double[] weights,
                                boolean[] used, NameScorer scorer) {
        List<String> left = new ArrayList<>();
        // Words read as legal forms and left over are named among the legal forms ignored.
        for (int i = 0; i < name.tokens().size(); i++) {
            if (!used[i]) {
                double factor = scorer.leftOverFactor(name, i, person);
                String role = !person ? ""
                        : name.isMiddleName(i) ? " (middle name)" : name.isSurname(i) ? " (surname)" : "";
                String weight = " w" + format1(weights[i]) + (factor == 1.0 ? "" : " x" + format2(factor));
                left.add(name.tokens().get(i) + weight + role);
            }
        }
        if (!left.isEmpty()) {
            out.append("; ").append(label).append(": ").append(String.join(", ", left));
        }
    }

    /**
     * The legal forms of both names none of whose words paired with a word of the other name, in name order, each
     * once: those the score ignored. A form whose word paired ("PAO" with the surname PAO) was read as a name.
     */
    Set<String> ignoredLegalForms() {
        Set<String> out = new LinkedHashSet<>();
        if (query.forms().isEmpty() && listed.forms().isEmpty()) {
            return out;
        }
        boolean[] queryUsed = new boolean[queryWeights.length];
        boolean[] listedUsed = new boolean[listedWeights.length];
        for (Pair pair : pairs) {
            mark(queryUsed, pair.queryFrom(), pair.queryTo());
            mark(listedUsed, pair.listedFrom(), pair.listedTo());
        }
        addIgnored(out, query, queryUsed);
        addIgnored(out, listed, listedUsed);
        return out;
    }

    private static void addIgnored(Set<String> out, NormalizedName name, boolean[] used) {
        int position = name.tokens().size();
        for (NormalizedName.LegalForm form : name.forms()) {
            boolean paired = false;
            for (int k = 0; k < form.words().size(); k++) {
                paired |= used[position++];
            }
            if (!paired) {
                out.add(form.canonical());
            }
        }
    }

    /** The tokens, then the words read as legal forms: the positions pairs refer to. */
    private static List<String> allWords(NormalizedName name) {
        if (name.forms().isEmpty()) {
            return name.tokens();
        }
        List<String> out = new ArrayList<>(name.tokens());
        out.addAll(name.formWords());
        return out;
    }

    private static void mark(boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) {
            used[i] = true;
        }
    }

    /** "0.93": String.format is slow for a hot path. */
    static String format2(double value) {
        return fixed(value, 100);
    }

    /** "7.4". */
    static String format1(double value) {
        return fixed(value, 10);
    }

    private static String fixed(double value, int scale) {
        long scaled = Math.round(Math.abs(value) * scale);
        String fraction = Long.toString(scaled % scale);
        while (fraction.length() < Long.toString(scale).length() - 1) {
            fraction = "0" + fraction;
        }
        return (value < 0 && scaled != 0 ? "-" : "") + scaled / scale + "." + fraction;
    }
}
