package io.chokepoint.benchmarks;

import io.chokepoint.registry.screening.MatcherSettings;
import io.chokepoint.registry.screening.ScreenableEntity;
import io.chokepoint.registry.screening.ScreeningEngine;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Building the screening index of a generated list of a million entities in a 4 GB heap, from the entities as the
 * service loads them to an engine ready to screen (names normalised, words indexed). SingleShotTime: each
 * iteration builds a new index.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class LargeListIndexBenchmark {

    @Param("1000000")
    public int entities;

    private List<ScreenableEntity> list;

    @Setup
    public void generate() {
        list = new SyntheticList(LargeListScreeningBenchmark.LIST_SEED)
                .entities(entities, LargeListScreeningBenchmark.ENTITY_SEED);
    }

    @Benchmark
    public ScreeningEngine buildIndex() {
        ScreeningEngine engine = new ScreeningEngine(MatcherSettings.defaults(), SuppressionLookup.NONE);
        engine.apply(list, "synthetic", 1);
        return engine;
    }
}
