package io.chokepoint.registry.screening;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Screening settings. */
@ConfigMapping(prefix = "chokepoint.screening")
public interface ScreeningConfig {

    /**
     * Score (0 to 1) at or above which a match is reported when a request names no threshold. Shipment parties
     * are screened with it, so every reported match of a shipment is worth an alert.
     */
    double alertThreshold();

    /** Most matches answered per query when the request names no limit. */
    int defaultLimit();

    /** Largest limit a request may ask for. */
    int maxLimit();

    /** Most queries in one {@code POST /api/v1/screen/batch}. */
    int maxBatchSize();

    /** Most characters of a query's name; a longer one answers 400 naming the field. */
    int maxNameLength();

    /** Most identifiers of a query. */
    int maxIdentifiers();

    /** Most characters of a query identifier's value. */
    int maxIdentifierLength();

    /** How far back a rescreen after a list change looks for screened shipment parties. */
    Duration rescreenWindow();

    /**
     * How often the instance reads from the database what other instances of the service committed: list versions
     * after the last one its screening index applied, and suppression changes after the last one it read. The longest
     * an instance screens without another's change, unless a shipment screening or a rescreen needs it sooner.
     */
    Duration refreshInterval();

    /** The rescreen of recent shipment parties after a list version adds or changes entities. */
    Rescreen rescreen();

    /** {@code chokepoint.screening.rescreen.*}. */
    interface Rescreen {

        /**
         * Whether list versions that add or change entities are rescreened. While off, versions wait not done and
         * are rescreened once it is on again (against the window of that moment).
         */
        boolean enabled();

        /** Shipments whose parties are read and screened per database round trip of a rescreen. */
        int batchSize();

        /**
         * How often list versions whose rescreen is not done (it failed, or the service stopped during it) are
         * looked for and rescreened; they are also looked for at start.
         */
        Duration sweepInterval();
    }

    /** How the matcher weighs evidence. */
    Matcher matcher();

    /** See {@link MatcherSettings} for the meaning of each key. */
    interface Matcher {

        /** Word pairs less similar than this count as not matching at all. */
        double minTokenSimilarity();

        /** Similarity of an initial to a word it begins ("J" and "Joaquin"). */
        double initialSimilarity();

        /** Two swapped neighbouring letters lower a word's similarity by this much divided by its length. */
        double swapCost();

        /** A letter added, dropped or changed lowers a word's similarity by this much divided by its length. */
        double typoCost();

        /** Similarity of words with the same consonants when one comes from a script without short vowels. */
        double unvowelledSimilarity();

        /** How much a person's middle name missing from the other name still counts against the score. */
        double middleNameWeight();

        /** How much a person's surname left out of the other name counts against the score. */
        double surnameWeight();

        /** Subtracted when the matched name is a weak alias. */
        double weakAliasPenalty();

        /** Subtracted when the query asks for another entity type. */
        double typeMismatchPenalty();

        /** Subtracted when the query's country is none of the entity's countries. */
        double countryMismatchPenalty();

        /** Added when the query's country is one of the entity's countries. */
        double countryMatchBonus();

        /** Least score of an entity whose identifier equals one of the query's. */
        double identifierMatchFloor();

        /** The most names a query collects from the postings of its words, rarest first; commoner words only add. */
        int maxPostingSize();

        /** Names scored per query, the best-ranked by the index. */
        int maxCandidates();

        /** Names the index ranks below this share of the query's threshold are not scored. */
        double minCandidateRank();

        default MatcherSettings toSettings() {
            return new MatcherSettings(minTokenSimilarity(), initialSimilarity(), swapCost(), typoCost(),
                    unvowelledSimilarity(), middleNameWeight(), surnameWeight(),
                    weakAliasPenalty(), typeMismatchPenalty(), countryMismatchPenalty(), countryMatchBonus(),
                    identifierMatchFloor(), maxPostingSize(), maxCandidates(), minCandidateRank());
        }
    }
}
