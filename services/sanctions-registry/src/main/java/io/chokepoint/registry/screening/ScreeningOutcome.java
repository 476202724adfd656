package io.chokepoint.registry.screening;

import io.chokepoint.model.screening.Match;

import java.util.List;

/** The matches of one query, best first, against the named list version. */
public record ScreeningOutcome(String listVersion, List<Match> matches) {
}
