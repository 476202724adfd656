package io.chokepoint.registry.screening;

/**
 * How the matcher weighs evidence. Plain values, so that the engine runs without CDI (benchmarks, tests).
 *
 * @param minTokenSimilarity    token pairs less similar than this count as not matching at all
 * @param initialSimilarity     similarity of an initial to a word it begins ("J" and "Joaquin")
 * @param weakAliasPenalty      subtracted when the matched name is a weak (low-quality) alias
 * @param typeMismatchPenalty   subtracted when the query names another entity type
 * @param countryMismatchPenalty subtracted when the query's country is none of the entity's countries
 * @param countryMatchBonus     added when the query's country is one of the entity's countries
 * @param identifierMatchFloor  the least score of an entity whose identifier equals one of the query's
 * @param maxPostingSize        a token shared by more names than this is too common to find candidates by
 */
public record MatcherSettings(
        double minTokenSimilarity,
        double initialSimilarity,
        double weakAliasPenalty,
        double typeMismatchPenalty,
        double countryMismatchPenalty,
        double countryMatchBonus,
        double identifierMatchFloor,
        int maxPostingSize) {

    public static MatcherSettings defaults() {
        return new MatcherSettings(0.80, 0.90, 0.05, 0.10, 0.08, 0.02, 0.97, 5_000);
    }
}
