package io.chokepoint.registry.screening;

import io.chokepoint.model.screening.Match;

import java.util.List;

/** The answer to one screened name: the list version screened against and the matches, best first. */
public record ScreenResponse(String listVersion, List<Match> matches) {

    static ScreenResponse of(ScreeningOutcome outcome) {
        return new ScreenResponse(outcome.listVersion(), outcome.matches());
    }
}
