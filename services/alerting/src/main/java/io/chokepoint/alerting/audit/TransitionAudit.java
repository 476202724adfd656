package io.chokepoint.alerting.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Records every request to move an alert, and reads the records back. An applied move is recorded in its own
 * transaction, so the move and its record commit together or not at all; a refused one in a transaction of its
 * own once the move's has been rolled back, so that the refusal stays on record although nothing changed.
 */
@ApplicationScoped
public class TransitionAudit {

    private static final Logger LOG = Logger.getLogger(TransitionAudit.class);
    private static final int APPLIED_STATUS = 200;

    /** Within the move's transaction (there must be one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applied(TransitionAttempt attempt, String fromStatus) {
        TransitionAuditEntry entry = entry(attempt, TransitionOutcome.APPLIED, APPLIED_STATUS, null);
        entry.fromStatus = fromStatus;
        entry.persist();
    }

    /**
     * In a new transaction. A failure to record is logged, not thrown: the caller is answering a refusal, which
     * stands whether or not its record could be written.
     */
    public void refused(TransitionAttempt attempt, TransitionOutcome outcome, int httpStatus, String message) {
        try {
            QuarkusTransaction.requiringNew().run(() -> entry(attempt, outcome, httpStatus, message).persist());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not record the refused move of alert %s by %s from %s (%d: %s)", attempt.alertId(),
                    attempt.actor(), attempt.remoteAddress(), httpStatus, message);
        }
    }

    /** Newest first. */
    public AuditPage search(AuditFilter filter) {
        Map.Entry<String, Map<String, Object>> query = filter.toQuery();
        PanacheQuery<TransitionAuditEntry> entries = TransitionAuditEntry.find(query.getKey(),
                Sort.descending("requestedAt").and("id", Sort.Direction.Descending), query.getValue());
        return new AuditPage(entries.page(Page.of(filter.page(), filter.size())).list().stream()
                .map(AuditView::of).toList(), entries.count(), filter.page(), filter.size());
    }

    private static TransitionAuditEntry entry(TransitionAttempt attempt, TransitionOutcome outcome, int httpStatus,
                                              String message) {
        TransitionAuditEntry entry = new TransitionAuditEntry();
        entry.requestedAt = attempt.at();
        entry.actor = attempt.actor();
        entry.subject = attempt.subject();
        entry.alertId = attempt.alertId();
        entry.requestedStatus = attempt.requestedStatus();
        entry.reasonCode = attempt.reasonCode();
        entry.ifMatch = attempt.ifMatch();
        entry.remoteAddress = attempt.remoteAddress();
        entry.outcome = outcome;
        entry.httpStatus = httpStatus;
        entry.message = TransitionAttempt.clip(message, TransitionAttempt.MAX_MESSAGE);
        return entry;
    }
}
