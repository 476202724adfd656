package io.chokepoint.registry.screening;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Every {@code chokepoint.screening.refresh-interval}, brings this instance's screening index and suppressions up to
 * what the database holds: other instances of the service commit list versions and take suppressions from the
 * partitions assigned to them. Reading the database the service owns needs no message to arrive, so nothing is missed
 * by an instance that was away or a record that was lost; the reads are two indexed queries when nothing changed.
 */
@ApplicationScoped
class IndexRefresh {

    private static final Logger LOG = Logger.getLogger(IndexRefresh.class);

    @Inject
    ScreeningService screening;

    @Scheduled(identity = "sanctions-registry-index-refresh",
            every = "${chokepoint.screening.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            screening.refresh();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Screening index refresh failed; the next one tries again");
        }
    }
}
