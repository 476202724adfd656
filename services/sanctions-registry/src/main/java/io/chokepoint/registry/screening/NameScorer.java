package io.chokepoint.registry.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Token-level Jaro-Winkler: each query token is paired with at most one token of the listed name, best pairs
 * first, so word order does not count. Tokens weigh by their length, and tokens left without a partner on
 * either side lower the score, so "Joaquin Guzman" does not fully match a longer listed name.
 */
public final class NameScorer {

    private final MatcherSettings settings;

    public NameScorer(MatcherSettings settings) {
        this.settings = settings;
    }

    public NameScore score(NormalizedName query, NormalizedName listed) {
        if (query.isEmpty() || listed.isEmpty()) {
            return new NameScore(0, "nothing to compare");
        }
        List<Pair> pairs = bestPairs(query.tokens(), listed.tokens());
        double queryCovered = 0;
        double listedCovered = 0;
        boolean[] queryUsed = new boolean[query.tokens().size()];
        boolean[] listedUsed = new boolean[listed.tokens().size()];
        for (Pair pair : pairs) {
            queryCovered += pair.similarity * query.tokens().get(pair.q).length();
            listedCovered += pair.similarity * listed.tokens().get(pair.l).length();
            queryUsed[pair.q] = true;
            listedUsed[pair.l] = true;
        }
        double score = (queryCovered / query.weight() + listedCovered / listed.weight()) / 2;
        return new NameScore(score, describe(query, listed, pairs, queryUsed, listedUsed));
    }

    /** Greedy assignment: good enough for names of a few tokens, and it keeps the hot path allocation-light. */
    private List<Pair> bestPairs(List<String> queryTokens, List<String> listedTokens) {
        List<Pair> all = new ArrayList<>();
        for (int q = 0; q < queryTokens.size(); q++) {
            for (int l = 0; l < listedTokens.size(); l++) {
                double similarity = tokenSimilarity(queryTokens.get(q), listedTokens.get(l));
                if (similarity >= settings.minTokenSimilarity()) {
                    all.add(new Pair(q, l, similarity));
                }
            }
        }
        all.sort(Comparator.comparingDouble((Pair p) -> p.similarity).reversed());
        boolean[] queryTaken = new boolean[queryTokens.size()];
        boolean[] listedTaken = new boolean[listedTokens.size()];
        List<Pair> chosen = new ArrayList<>();
        for (Pair pair : all) {
            if (!queryTaken[pair.q] && !listedTaken[pair.l]) {
                queryTaken[pair.q] = true;
                listedTaken[pair.l] = true;
                chosen.add(pair);
            }
        }
        return chosen;
    }

    double tokenSimilarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if ((a.length() == 1 && b.startsWith(a)) || (b.length() == 1 && a.startsWith(b))) {
            return settings.initialSimilarity();
        }
        return JaroWinkler.similarity(a, b);
    }

    private static String describe(NormalizedName query, NormalizedName listed, List<Pair> pairs,
                                   boolean[] queryUsed, boolean[] listedUsed) {
        List<String> parts = new ArrayList<>();
        for (Pair pair : pairs) {
            String q = query.tokens().get(pair.q);
            String l = listed.tokens().get(pair.l);
            parts.add(q.equals(l) ? q : q + "~" + l + " " + format(pair.similarity));
        }
        List<String> extra = unused(query.tokens(), queryUsed);
        List<String> missing = unused(listed.tokens(), listedUsed);
        StringBuilder out = new StringBuilder(String.join(", ", parts));
        if (!extra.isEmpty()) {
            out.append("; not in listed name: ").append(String.join(" ", extra));
        }
        if (!missing.isEmpty()) {
            out.append("; not in query: ").append(String.join(" ", missing));
        }
        return out.toString();
    }

    private static List<String> unused(List<String> tokens, boolean[] used) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!used[i]) {
                out.add(tokens.get(i));
            }
        }
        return out;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private record Pair(int q, int l, double similarity) {
    }
}
