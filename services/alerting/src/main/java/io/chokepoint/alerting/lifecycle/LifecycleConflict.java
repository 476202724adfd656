package io.chokepoint.alerting.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Why a change to an alert was refused although the request was well formed: 409 for a move the state machine
 * does not allow or a change that lost a race, 412 for an {@code If-Match} naming an older version.
 *
 * @param message         in words, naming the current and the requested state
 * @param currentStatus   where the alert stands
 * @param requestedStatus where the request wanted it, for a refused move
 * @param allowed         where it may go from here
 * @param currentVersion  its version now, for a stale {@code If-Match}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifecycleConflict(String message, String currentStatus, String requestedStatus,
                                List<String> allowed, Long currentVersion) {
}
