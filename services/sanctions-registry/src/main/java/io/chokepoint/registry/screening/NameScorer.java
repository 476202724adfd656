package io.chokepoint.registry.screening;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns the words of a query with the words of a listed name and scores how much of both the alignment
 * covers. Word order does not count. A word may also pair with two or three neighbouring words written
 * together on the other side ("fu jing" / "FUJING", "abd al aziz" / "ABDULAZIZ"). Each word weighs by its rarity
 * in the list (see {@link NameIndex#weight}), so that "trading", "company" or "al" count for little and a rare
 * surname for much; a pair weighs as the lighter of its two sides, so a typo (unknown to the list, hence rare)
 * does not weigh more than the word it stands for.
 *
 * <p>score = sum(similarity x 2 x pair weight) / (2 x sum of pair weights + weights of the words left over).
 * A person's middle names (given names after the first, in the list's "SURNAME, Given Names") left over count
 * at {@link MatcherSettings#middleNameWeight()}: a declaration often drops them. A surname left over counts at
 * {@link MatcherSettings#surnameWeight()}: a name without its surname is likely someone else.
 */
public final class NameScorer {

    private static final int MAX_JOINED = 3;
    /** Similarities of query words to a listed word the index found for none of them: 0 for up to this many. */
    private static final double[] NONE = new double[64];

    private final MatcherSettings settings;
    private final TokenSimilarity similarity;

    public NameScorer(MatcherSettings settings) {
        this.settings = settings;
        this.similarity = new TokenSimilarity(settings);
    }

    TokenSimilarity similarity() {
        return similarity;
    }

    /**
     * A query about to be aligned with many names, with the similarity of its words to the listed words the index
     * found for them ({@link WordMatches}); null when the words are to be compared one by one.
     */
    static final class Query {
        final NormalizedName name;
        /** The weight of each token, then of each word read as a legal form ({@link NormalizedName#formWords()}). */
        final double[] weights;
        final WordMatches matches;
        final List<String> formWords;

        Query(NormalizedName name, double[] weights, WordMatches matches) {
            this.name = name;
            this.weights = weights;
            this.matches = matches;
            this.formWords = name.formWords();
        }

        /** The weight of the name's tokens, legal forms left out. */
        double tokenWeight() {
            double total = 0;
            for (int i = 0; i < name.tokens().size(); i++) {
                total += weights[i];
            }
            return total;
        }
    }

    /**
     * @param listedIds     the vocabulary id of each listed word, to read its similarities from the query's matches
     * @param listedWeights the weight of each listed token, then of each listed word read as a legal form
     * @param person        whether the listed entity is a person, whose middle names may be left out and whose
     *                      words may be given as initials
     */
    Alignment align(Query query, NormalizedName listed, int[] listedIds, double[] listedWeights, boolean person) {
        if (query.name.isEmpty() || listed.isEmpty()) {
            return new Alignment(query.name, listed, List.of(), query.weights, listedWeights, person, 0);
        }
        List<Alignment.Pair> candidates = candidatePairs(query, listed, listedIds, person);
        List<String> listedForms = listed.formWords();
        boolean unvowelled = query.name.unvowelled() || listed.unvowelled();
        formWordPairs(candidates, query.formWords, listed.tokens(), query.name.tokens().size(), unvowelled, false);
        formWordPairs(candidates, listedForms, query.name.tokens(), listed.tokens().size(), unvowelled, true);
        List<Alignment.Pair> pairs = choose(candidates, query.name.tokens().size() + query.formWords.size(),
                listed.tokens().size() + listedForms.size());
        double score = score(query.name, query.weights, listed, listedWeights, person, pairs);
        return new Alignment(query.name, listed, pairs, query.weights, listedWeights, person, score);
    }

    /**
     * Words read as legal forms on one side against the tokens of the other: "PAO" ends "Yu Hsiang Pao" like the
     * Russian form, and is the surname of "PAO, Yu Hsiang". Such a word pairs only with a word that is no legal form
     * on the other side, as a whole word (an initial is no legal form's letter), and costs nothing left over.
     *
     * @param offset the position of the first form word on its side: form words follow the tokens
     */
    private void formWordPairs(List<Alignment.Pair> out, List<String> formWords, List<String> others, int offset,
                               boolean unvowelled, boolean formsAreListed) {
        for (int f = 0; f < formWords.size(); f++) {
            for (int o = 0; o < others.size(); o++) {
                double s = similarity.similarity(formWords.get(f), others.get(o), unvowelled, false);
                if (formsAreListed) {
                    add(out, o, o + 1, offset + f, offset + f + 1, s);
                } else {
                    add(out, offset + f, offset + f + 1, o, o + 1, s);
                }
            }
        }
    }

    private double score(NormalizedName query, double[] queryWeights, NormalizedName listed, double[] listedWeights,
                         boolean person, List<Alignment.Pair> pairs) {
        boolean[] queryUsed = new boolean[queryWeights.length];
        boolean[] listedUsed = new boolean[listedWeights.length];
        double matched = 0;
        double total = 0;
        for (Alignment.Pair pair : pairs) {
            double weight = pairWeight(pair, queryWeights, listedWeights);
            matched += pair.similarity() * 2 * weight;
            total += 2 * weight;
            mark(queryUsed, pair.queryFrom(), pair.queryTo());
            mark(listedUsed, pair.listedFrom(), pair.listedTo());
        }
        for (int i = 0; i < queryUsed.length; i++) {
            if (!queryUsed[i]) {
                total += queryWeights[i] * leftOverFactor(query, i, person);
            }
        }
        for (int j = 0; j < listedUsed.length; j++) {
            if (!listedUsed[j]) {
                total += listedWeights[j] * leftOverFactor(listed, j, person);
            }
        }
        return total == 0 ? 0 : matched / total;
    }

    /**
     * How much a word left without a partner counts: less for a middle name, more for a surname, nothing for a word
     * read as a legal form (positions after the tokens).
     */
    double leftOverFactor(NormalizedName name, int index, boolean person) {
        if (index >= name.tokens().size()) {
            return 0.0;
        }
        if (!person) {
            return 1.0;
        }
        if (name.isMiddleName(index)) {
            return settings.middleNameWeight();
        }
        return name.isSurname(index) ? settings.surnameWeight() : 1.0;
    }

    static double pairWeight(Alignment.Pair pair, double[] queryWeights, double[] listedWeights) {
        return Math.min(sum(queryWeights, pair.queryFrom(), pair.queryTo()),
                sum(listedWeights, pair.listedFrom(), pair.listedTo()));
    }

    private static double sum(double[] weights, int from, int to) {
        double total = 0;
        for (int i = from; i < to; i++) {
            total += weights[i];
        }
        return total;
    }

    private static void mark(boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) {
            used[i] = true;
        }
    }

    /**
     * Every word against every word, and runs of up to three neighbouring words joined against single words; words
     * that already have an exact partner are not joined with others.
     */
    private List<Alignment.Pair> candidatePairs(Query query, NormalizedName listedName, int[] listedIds,
                                                boolean person) {
        List<String> queryWords = query.name.tokens();
        List<String> listed = listedName.tokens();
        boolean[] queryExact = new boolean[queryWords.size()];
        boolean[] listedExact = new boolean[listed.size()];
        List<Alignment.Pair> out = new ArrayList<>();
        for (int j = 0; j < listed.size(); j++) {
            double[] similarities = similarities(query, listedName, j, listedIds, person);
            for (int i = 0; i < queryWords.size(); i++) {
                add(out, i, i + 1, j, j + 1, similarities[i]);
                if (similarities[i] == 1.0) {
                    queryExact[i] = true;
                    listedExact[j] = true;
                }
            }
        }
        for (int span = 2; span <= MAX_JOINED; span++) {
            for (int i = 0; i + span <= queryWords.size(); i++) {
                if (free(queryExact, i, i + span)) {
                    joinedAgainstSingles(out, queryWords, i, span, listed, listedExact, false);
                }
            }
            for (int j = 0; j + span <= listed.size(); j++) {
                if (free(listedExact, j, j + span)) {
                    joinedAgainstSingles(out, listed, j, span, queryWords, queryExact, true);
                }
            }
        }
        return out;
    }

    /**
     * The similarity of each query word to listed word j: as the index found it for the query, plus what the index
     * does not look for (an initial, two typos in long words); compared one by one when the listed name was written
     * without short vowels and the query was not, or when there are no matches to read.
     */
    private double[] similarities(Query query, NormalizedName listed, int j, int[] listedIds, boolean person) {
        List<String> queryWords = query.name.tokens();
        String word = listed.tokens().get(j);
        boolean unvowelled = query.name.unvowelled() || listed.unvowelled();
        if (query.matches == null || listedIds == null || listed.unvowelled() && !query.name.unvowelled()) {
            double[] out = new double[queryWords.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = similarity.similarity(queryWords.get(i), word, unvowelled, person);
            }
            return out;
        }
        double[] found = query.matches.get(listedIds[j]);
        double[] out = null;
        for (int i = 0; i < queryWords.size(); i++) {
            String queryWord = queryWords.get(i);
            boolean initial = person && (queryWord.length() == 1 || word.length() == 1);
            boolean twoTypos = similarity.allowedTypos(Math.min(queryWord.length(), word.length())) >= 2;
            if (initial || twoTypos) {
                if (out == null) {
                    out = found == null ? new double[queryWords.size()] : found.clone();
                }
                out[i] = Math.max(out[i], similarity.similarity(queryWord, word, unvowelled, person));
            }
        }
        if (out != null || found != null) {
            return out != null ? out : found;
        }
        return queryWords.size() <= NONE.length ? NONE : new double[queryWords.size()];
    }

    private void joinedAgainstSingles(List<Alignment.Pair> out, List<String> side, int from, int span,
                                      List<String> other, boolean[] otherExact, boolean joinedIsListed) {
        int length = 0;
        for (int k = from; k < from + span; k++) {
            length += side.get(k).length();
        }
        char first = side.get(from).charAt(0);
        String joined = null;
        for (int o = 0; o < other.size(); o++) {
            String single = other.get(o);
            // A word written apart and with a typo in its first letter too is not worth looking for.
            if (otherExact[o] || single.charAt(0) != first) {
                continue;
            }
            if (Math.abs(single.length() - length) > similarity.allowedTypos(Math.min(single.length(), length))) {
                continue;
            }
            if (joined == null) {
                joined = String.join("", side.subList(from, from + span));
            }
            double s = similarity.similarity(joined, single);
            if (joinedIsListed) {
                add(out, o, o + 1, from, from + span, s);
            } else {
                add(out, from, from + span, o, o + 1, s);
            }
        }
    }

    private void add(List<Alignment.Pair> out, int qFrom, int qTo, int lFrom, int lTo, double s) {
        if (s >= settings.minTokenSimilarity()) {
            out.add(new Alignment.Pair(qFrom, qTo, lFrom, lTo, s));
        }
    }

    /** Greedy, most similar first, then the pair covering more words: optimal enough for names of a few words. */
    private static List<Alignment.Pair> choose(List<Alignment.Pair> candidates, int querySize, int listedSize) {
        candidates.sort((a, b) -> a.similarity() != b.similarity()
                ? Double.compare(b.similarity(), a.similarity())
                : Integer.compare(b.width(), a.width()));
        boolean[] queryTaken = new boolean[querySize];
        boolean[] listedTaken = new boolean[listedSize];
        List<Alignment.Pair> chosen = new ArrayList<>();
        for (Alignment.Pair pair : candidates) {
            if (free(queryTaken, pair.queryFrom(), pair.queryTo())
                    && free(listedTaken, pair.listedFrom(), pair.listedTo())) {
                mark(queryTaken, pair.queryFrom(), pair.queryTo());
                mark(listedTaken, pair.listedFrom(), pair.listedTo());
                chosen.add(pair);
            }
        }
        return chosen;
    }

    private static boolean free(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }
}
