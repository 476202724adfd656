package io.chokepoint.alerting.alerts;

import java.util.Optional;
import java.util.UUID;

/** The false-positive suppression an alert currently stands behind, if any (kept by the lifecycle). */
public interface StandingSuppressions {

    Optional<AlertDetail.Suppression> of(UUID alertId);
}
