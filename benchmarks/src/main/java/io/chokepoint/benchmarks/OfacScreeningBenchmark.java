package io.chokepoint.benchmarks;

import io.chokepoint.registry.screening.ScreeningDefaults;
import io.chokepoint.registry.screening.ScreeningEngine;
import io.chokepoint.registry.screening.ScreeningOutcome;
import io.chokepoint.registry.screening.ScreeningQuery;
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
import java.util.concurrent.TimeUnit;

/**
 * One screening at a time against the whole OFAC snapshot, with the registry's default settings and threshold:
 * the queries of the evaluation set (variants of listed names and names not listed), cycled. SampleTime, so that
 * JMH reports the median and the 99th percentile of single screenings.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OfacScreeningBenchmark {

    /** Directory of sdn.csv, alt.csv, add.csv; empty for ../shared/data/ofac. */
    @Param("")
    public String ofac;
    /** The evaluation set whose queries are screened; empty for ../shared/eval/names-dev.jsonl. */
    @Param("")
    public String queries;

    private ScreeningEngine engine;
    private List<ScreeningQuery> cycle;
    private int next;

    @Setup
    public void load() {
        engine = OfacSnapshot.engine(SharedData.resolve(ofac, SharedData.OFAC));
        double threshold = ScreeningDefaults.load().alertThreshold();
        cycle = EvaluationCase.read(SharedData.resolve(queries, SharedData.NAMES_DEV)).stream()
                .map(c -> new ScreeningQuery(c.query(), c.type(), null, List.of(), threshold, 10))
                .toList();
    }

    @Benchmark
    public ScreeningOutcome screen() {
        ScreeningQuery query = cycle.get(next);
        next = next + 1 == cycle.size() ? 0 : next + 1;
        return engine.screen(query);
    }
}
