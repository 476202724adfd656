package io.chokepoint.registry.shipments;

import io.chokepoint.registry.screening.ListVersionIndexed;
import io.chokepoint.registry.screening.ScreeningConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the rescreen of each list version in the background, one version at a time and in the order they were
 * committed, on a thread of its own: neither the import that made the version nor its transaction waits for it.
 * A version is rescreened once indexed; at start and on every sweep, the versions whose rescreen is not done
 * (it failed, the service stopped during it, or another instance committed it and stopped) are rescreened. Across
 * instances, {@link ShipmentRescreen} runs one rescreen at a time and never one of a version already done.
 */
@ApplicationScoped
public class Rescreening {

    private static final Logger LOG = Logger.getLogger(Rescreening.class);

    @Inject
    ScreeningConfig config;
    @Inject
    ShipmentRescreen rescreen;

    /** Versions submitted and not yet run: a sweep does not queue them twice. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private ExecutorService worker;

    @PostConstruct
    void createWorker() {
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "rescreen");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stopWorker() {
        // A rescreen cut short commits nothing; it runs again at the next start.
        worker.shutdownNow();
    }

    void onStart(@Observes StartupEvent event) {
        resumePending();
    }

    void onIndexed(@Observes ListVersionIndexed version) {
        if (config.rescreen().enabled()) {
            submit(version.listVersion());
        }
    }

    @Scheduled(identity = "sanctions-registry-rescreen-sweep",
            every = "${chokepoint.screening.rescreen.sweep-interval}",
            delayed = "${chokepoint.screening.rescreen.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        resumePending();
    }

    /** Submits every committed list version whose rescreen is not done, oldest first. */
    public void resumePending() {
        if (!config.rescreen().enabled()) {
            return;
        }
        List<String> pending = QuarkusTransaction.requiringNew().call(ListVersionRescreen::pending);
        pending.forEach(this::submit);
    }

    private void submit(String listVersion) {
        if (!queued.add(listVersion)) {
            return;
        }
        try {
            worker.execute(() -> run(listVersion));
        } catch (RejectedExecutionException stopping) {
            queued.remove(listVersion);
        }
    }

    private void run(String listVersion) {
        queued.remove(listVersion);
        try {
            rescreen.rescreen(listVersion);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Rescreen after list version %s failed; the next sweep runs it again", listVersion);
        }
    }
}
