package io.chokepoint.registry.screening;

import java.util.function.Function;

/**
 * How the matcher weighs evidence. Plain values, so that the engine runs without CDI (benchmarks, tests); the
 * service reads them from {@code chokepoint.screening.matcher.*}, and {@link #defaults()} reads the same keys
 * from the registry's application.properties, so that the evaluation and the service cannot drift apart.
 *
 * @param minTokenSimilarity        word pairs less similar than this count as not matching at all
 * @param initialSimilarity         similarity of an initial to a word it begins ("J" and "Joaquin")
 * @param swapCost                  two swapped neighbouring letters lower a word's similarity by this much divided
 *                                  by the word's length
 * @param typoCost                  a letter added, dropped or changed lowers a word's similarity by this much
 *                                  divided by the word's length; with minTokenSimilarity it sets how many such typos
 *                                  a word of a given length may carry
 * @param unvowelledSimilarity      similarity of words with the same consonants when one comes from a script
 *                                  without short vowels (Arabic "mhmd" and "muhammad")
 * @param middleNameWeight          how much a person's middle name left out of the other name still counts
 *                                  against the score (1 = like any word, 0 = not at all)
 * @param surnameWeight             how much a person's surname left out of the other name counts against the score
 * @param weakAliasPenalty          subtracted when the matched name is a weak (low-quality) alias
 * @param typeMismatchPenalty       subtracted when the query names another entity type
 * @param countryMismatchPenalty    subtracted when the query's country is none of the entity's countries
 * @param countryMatchBonus         added when the query's country is one of the entity's countries
 * @param identifierMatchFloor      the least score of an entity whose identifier equals one of the query's
 * @param maxPostingSize            the most names a query collects from the postings of its words, rarest words
 *                                  first; the postings of commoner words are not read, their words only add to
 *                                  the names collected
 * @param maxCandidates             names scored per query, the best-ranked by the index
 * @param minCandidateRank          names the index ranks below this share of the query's threshold are not
 *                                  scored: the words they share with the query weigh too little to reach it
 */
public record MatcherSettings(
        double minTokenSimilarity,
        double initialSimilarity,
        double swapCost,
        double typoCost,
        double unvowelledSimilarity,
        double middleNameWeight,
        double surnameWeight,
        double weakAliasPenalty,
        double typeMismatchPenalty,
        double countryMismatchPenalty,
        double countryMatchBonus,
        double identifierMatchFloor,
        int maxPostingSize,
        int maxCandidates,
        double minCandidateRank) {

    /** The settings of the registry's application.properties. */
    public static MatcherSettings defaults() {
        return ScreeningDefaults.load().matcher();
    }

    /** Reads the settings by their key below {@code chokepoint.screening.matcher.} ("min-token-similarity"). */
    static MatcherSettings from(Function<String, String> property) {
        return new MatcherSettings(
                Double.parseDouble(property.apply("min-token-similarity")),
                Double.parseDouble(property.apply("initial-similarity")),
                Double.parseDouble(property.apply("swap-cost")),
                Double.parseDouble(property.apply("typo-cost")),
                Double.parseDouble(property.apply("unvowelled-similarity")),
                Double.parseDouble(property.apply("middle-name-weight")),
                Double.parseDouble(property.apply("surname-weight")),
                Double.parseDouble(property.apply("weak-alias-penalty")),
                Double.parseDouble(property.apply("type-mismatch-penalty")),
                Double.parseDouble(property.apply("country-mismatch-penalty")),
                Double.parseDouble(property.apply("country-match-bonus")),
                Double.parseDouble(property.apply("identifier-match-floor")),
                Integer.parseInt(property.apply("max-posting-size")),
                Integer.parseInt(property.apply("max-candidates")),
                Double.parseDouble(property.apply("min-candidate-rank")));
    }
}
