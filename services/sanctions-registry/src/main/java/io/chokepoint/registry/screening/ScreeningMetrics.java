package io.chokepoint.registry.screening;

import io.chokepoint.model.screening.Match;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What screening does, by {@link Mode}: the time of each screened name, and, once what the screening decided is
 * committed (an answer sent, a result or a rescreen's late results written), the parties screened, the matches
 * reported by source and the matches hidden by a suppression. Tag values come from the code and the list sources, so
 * the series stay few.
 */
@ApplicationScoped
public class ScreeningMetrics {

    static final String DURATION = "chokepoint.screening.duration";
    static final String MATCHES = "chokepoint.screening.matches";
    static final String PARTIES = "chokepoint.screened.parties";
    static final String SUPPRESSED = "chokepoint.screening.suppressed";
    static final String ENTITIES = "chokepoint.sanctioned.entities";
    static final String LOADED = "chokepoint.sanctions.list.loaded";
    static final String LATE_RESULTS = "chokepoint.rescreen.late.results";

    /** Why a name is screened, as the {@code mode} tag says it. */
    public enum Mode {
        /** {@code POST /api/v1/screen} and its batch. */
        API,
        /** A party of an assessed shipment. */
        SHIPMENT,
        /** A party of a recent shipment again, after a list version added or changed entities. */
        RESCREEN;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    ScreeningMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Times the screening of one name. */
    ScreeningOutcome time(Mode mode, Supplier<ScreeningOutcome> screening) {
        return Timer.builder(DURATION)
                .description("Time to screen one name against the screening index")
                .tag("mode", mode.tag())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(screening);
    }

    /** Counts screened names and what they reported; call it once their outcome is committed or answered. */
    public void screened(Mode mode, Collection<ScreeningOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Counter.builder(PARTIES)
                .description("Names screened: API queries, shipment parties, parties rescreened")
                .tag("mode", mode.tag())
                .register(registry)
                .increment(outcomes.size());
        int suppressed = 0;
        for (ScreeningOutcome outcome : outcomes) {
            suppressed += outcome.suppressed();
            for (Match match : outcome.matches()) {
                Counter.builder(MATCHES)
                        .description("Matches reported, by the source of the matched entity")
                        .tag("source", match.source())
                        .tag("mode", mode.tag())
                        .register(registry)
                        .increment();
            }
        }
        if (suppressed > 0) {
            suppressed().increment(suppressed);
        }
    }

    /** Late results a rescreen published (once its transaction has committed). */
    public void lateResults(int published) {
        Counter counter = Counter.builder(LATE_RESULTS)
                .description("Late screening results published by rescreens after list changes")
                .register(registry);
        counter.increment(published);
    }

    /** Shows how many entities of the source the index knows in each state; registering again changes nothing. */
    void watchSource(ScreeningEngine engine, String source) {
        for (boolean listed : new boolean[] {true, false}) {
            Gauge.builder(ENTITIES, () -> engine.count(source, listed))
                    .description("Sanctioned entities known to the screening index, by source and status")
                    .tag("source", source)
                    .tag("status", listed ? "LISTED" : "DELISTED")
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** Shows whether the screening index has been loaded from the database. */
    void watchLoaded(Supplier<Boolean> loaded) {
        Gauge.builder(LOADED, () -> loaded.get() ? 1 : 0)
                .description("1 once the screening index is loaded from the database, 0 before")
                .strongReference(true)
                .register(registry);
    }

    private Counter suppressed() {
        return Counter.builder(SUPPRESSED)
                .description("Matches not reported because alerting dismissed the (name, entity) pair")
                .register(registry);
    }
}
