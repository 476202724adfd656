package io.chokepoint.benchmarks;

import io.chokepoint.registry.screening.MatcherSettings;
import io.chokepoint.registry.screening.ScreenableEntity;
import io.chokepoint.registry.screening.ScreeningDefaults;
import io.chokepoint.registry.screening.ScreeningEngine;
import io.chokepoint.registry.screening.ScreeningOutcome;
import io.chokepoint.registry.screening.ScreeningQuery;
import io.chokepoint.registry.screening.SuppressionLookup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One screening at a time against a generated list of a million entities ({@link SyntheticList}) in a 4 GB heap.
 * The setup builds the index once and prints how long that took and the heap it holds; {@link #screen} is timed
 * (SampleTime: median and 99th percentile). Heavy: generating and indexing take a minute; run it on its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 6, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class LargeListScreeningBenchmark {

    static final long LIST_SEED = 20_240_601L;
    static final long ENTITY_SEED = 7L;

    @Param("1000000")
    public int entities;

    private ScreeningEngine engine;
    private List<ScreeningQuery> cycle;
    private int next;

    @Setup
    public void build() {
        SyntheticList generator = new SyntheticList(LIST_SEED);
        List<ScreenableEntity> list = generator.entities(entities, ENTITY_SEED);
        engine = new ScreeningEngine(MatcherSettings.defaults(), SuppressionLookup.NONE);
        long start = System.nanoTime();
        engine.apply(list, "synthetic", 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        double threshold = ScreeningDefaults.load().alertThreshold();
        cycle = generator.queries(list, 5_000, 0.3, 11L).stream()
                .map(q -> new ScreeningQuery(q, null, null, List.of(), threshold, 10)).toList();
        list = null;
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long usedMegabytes = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        System.out.printf(Locale.ROOT, "%nindex of %,d entities built in %.1f s; heap in use after GC %,d MB of %,d MB%n",
                engine.size(), seconds, usedMegabytes, runtime.maxMemory() >> 20);
    }

    @Benchmark
    public ScreeningOutcome screen() {
        ScreeningQuery query = cycle.get(next);
        next = next + 1 == cycle.size() ? 0 : next + 1;
        return engine.screen(query);
    }
}
