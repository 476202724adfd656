package io.chokepoint.alerting.audit;

import java.time.Instant;

/**
 * One record of {@code GET /api/v1/audit/transitions}.
 *
 * @param subject    the authenticated subject; null until the service authenticates its callers
 * @param fromStatus where the alert stood before an applied move
 * @param message    why a request was refused, as answered
 */
public record AuditView(long id, Instant requestedAt, String actor, String subject, String alertId,
                        String requestedStatus, String reasonCode, String ifMatch, String remoteAddress,
                        String outcome, int httpStatus, String fromStatus, String message) {

    static AuditView of(TransitionAuditEntry entry) {
        return new AuditView(entry.id, entry.requestedAt, entry.actor, entry.subject, entry.alertId,
                entry.requestedStatus, entry.reasonCode, entry.ifMatch, entry.remoteAddress, entry.outcome.name(),
                entry.httpStatus, entry.fromStatus, entry.message);
    }
}
