package io.chokepoint.registry.screening;

import io.chokepoint.model.screening.Match;

import java.util.List;

/**
 * The matches of one query, best first, against the named list version.
 *
 * @param suppressed matches left out because the (name, entity) pair was dismissed as a false positive
 */
public record ScreeningOutcome(String listVersion, List<Match> matches, int suppressed) {

    public ScreeningOutcome(String listVersion, List<Match> matches) {
        this(listVersion, matches, 0);
    }
}
