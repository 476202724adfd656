package io.chokepoint.benchmarks;

import io.chokepoint.model.screening.Match;
import io.chokepoint.registry.entities.EntityType;
import io.chokepoint.registry.screening.ScreeningDefaults;
import io.chokepoint.registry.screening.ScreeningEngine;
import io.chokepoint.registry.screening.ScreeningQuery;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Screens every query of an evaluation set against the OFAC snapshot with the registry's default settings and
 * threshold, and prints, by kind of variation and overall: recall (the expected entry is among the matches at the
 * threshold), top-1 accuracy (it is the best match) and the false-positive rate (a negative query has any match
 * at the threshold); then the misses and false positives, for tuning.
 *
 * <p>Arguments, all optional: {@code [ofac-directory] [evaluation.jsonl] [--show N]}; the defaults are
 * {@code ../shared/data/ofac} and {@code ../shared/eval/names-dev.jsonl} from the repository root.
 */
public final class NameScreeningEvaluation {

    private static final int DEFAULT_SHOWN = 25;
    private static final List<String> KIND_ORDER = List.of("exact", "case_punct", "accent", "reorder", "typo_swap",
            "legal_form", "alias", "negative");
    private static final int LIMIT = 10;

    private NameScreeningEvaluation() {
    }

    public static void main(String[] args) {
        List<String> positional = new ArrayList<>();
        int shown = DEFAULT_SHOWN;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--show") && i + 1 < args.length) {
                shown = Integer.parseInt(args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        Path ofac = SharedData.resolve(positional.size() > 0 ? positional.get(0) : null, SharedData.OFAC);
        Path cases = SharedData.resolve(positional.size() > 1 ? positional.get(1) : null, SharedData.NAMES_DEV);
        Report report = run(ofac, cases);
        report.print(System.out, shown);
    }

    public static Report run(Path ofac, Path casesFile) {
        ScreeningDefaults defaults = ScreeningDefaults.load();
        long start = System.nanoTime();
        ScreeningEngine engine = OfacSnapshot.engine(ofac);
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        List<EvaluationCase> cases = EvaluationCase.read(casesFile);
        Report report = new Report(ofac, casesFile, defaults.alertThreshold(), engine.size(), loadMillis);
        start = System.nanoTime();
        for (EvaluationCase c : cases) {
            List<Match> matches = engine.screen(query(c.query(), c.type(), defaults.alertThreshold(), LIMIT)).matches();
            report.add(c, matches, c.negative() || found(c, matches) ? null : expectedScore(engine, c));
        }
        report.screenMillis = (System.nanoTime() - start) / 1_000_000;
        return report;
    }

    private static ScreeningQuery query(String name, EntityType type, double threshold, int limit) {
        return new ScreeningQuery(name, type, null, List.of(), threshold, limit);
    }

    static boolean found(EvaluationCase c, List<Match> matches) {
        return matches.stream().anyMatch(m -> expected(c, m));
    }

    static boolean expected(EvaluationCase c, Match m) {
        return c.expectedSourceId().equals(m.sourceId()) && c.expectedSource().equals(m.source());
    }

    /** For a miss: the expected entry's match at any score, if the index offered it as a candidate at all. */
    private static Match expectedScore(ScreeningEngine engine, EvaluationCase c) {
        return engine.screen(query(c.query(), c.type(), 0, 100)).matches().stream()
                .filter(m -> expected(c, m)).findFirst().orElse(null);
    }

    /** Counts by kind, and the cases worth a look. */
    public static final class Report {

        private final Path ofac;
        private final Path cases;
        private final double threshold;
        private final int entities;
        private final long loadMillis;
        private long screenMillis;
        private final Map<String, int[]> byKind = new LinkedHashMap<>();
        private final List<String> misses = new ArrayList<>();
        private final List<String> falsePositives = new ArrayList<>();
        private final int[] positives = new int[3];
        private final int[] negatives = new int[2];

        Report(Path ofac, Path cases, double threshold, int entities, long loadMillis) {
            this.ofac = ofac;
            this.cases = cases;
            this.threshold = threshold;
            this.entities = entities;
            this.loadMillis = loadMillis;
        }

        /** Per kind: queries, found, found first, negatives with a match. */
        void add(EvaluationCase c, List<Match> matches, Match expectedAnyScore) {
            int[] counts = byKind.computeIfAbsent(c.kind(), k -> new int[4]);
            counts[0]++;
            if (c.negative()) {
                negatives[0]++;
                if (!matches.isEmpty()) {
                    counts[3]++;
                    negatives[1]++;
                    Match m = matches.get(0);
                    falsePositives.add(String.format(Locale.ROOT, "[%s] \"%s\" -> %s \"%s\" %.4f: %s", c.type(),
                            c.query(), m.sourceId(), m.name(), m.score(), m.explanation()));
                }
                return;
            }
            positives[0]++;
            boolean found = found(c, matches);
            boolean first = !matches.isEmpty() && expected(c, matches.get(0));
            if (found) {
                counts[1]++;
                positives[1]++;
            }
            if (first) {
                counts[2]++;
                positives[2]++;
            }
            if (!found) {
                misses.add(String.format(Locale.ROOT, "[%s %s] \"%s\" expected %s \"%s\"; %s; best: %s", c.kind(),
                        c.type(), c.query(), c.expectedSourceId(), c.expectedName(),
                        expectedAnyScore == null ? "not a candidate"
                                : "scored " + expectedAnyScore.score() + ": " + expectedAnyScore.explanation(),
                        matches.isEmpty() ? "nothing" : matches.get(0).sourceId() + " \"" + matches.get(0).name()
                                + "\" " + matches.get(0).score()));
            } else if (!first) {
                Match top = matches.get(0);
                misses.add(String.format(Locale.ROOT,
                        "(not first) [%s] \"%s\" expected %s \"%s\"; first %s \"%s\" %.4f", c.kind(), c.query(),
                        c.expectedSourceId(), c.expectedName(), top.sourceId(), top.name(), top.score()));
            }
        }

        public double recall() {
            return ratio(positives[1], positives[0]);
        }

        public double topOne() {
            return ratio(positives[2], positives[0]);
        }

        public double falsePositiveRate() {
            return ratio(negatives[1], negatives[0]);
        }

        void print(PrintStream out, int shown) {
            out.printf(Locale.ROOT, "OFAC snapshot %s: %d entities indexed in %d ms%n", ofac, entities, loadMillis);
            out.printf(Locale.ROOT, "Evaluation set %s: %d queries screened in %d ms, threshold %.2f "
                    + "(chokepoint.screening.alert-threshold)%n%n", cases, positives[0] + negatives[0], screenMillis,
                    threshold);
            out.printf(Locale.ROOT, "%-12s %8s %8s %8s %8s%n", "kind", "queries", "recall", "top-1", "FP rate");
            List<String> kinds = new ArrayList<>(KIND_ORDER.stream().filter(byKind::containsKey).toList());
            byKind.keySet().stream().filter(k -> !kinds.contains(k)).forEach(kinds::add);
            for (String kind : kinds) {
                int[] c = byKind.get(kind);
                boolean negative = kind.equals("negative");
                row(out, kind, c[0], negative ? "-" : percent(c[1], c[0]), negative ? "-" : percent(c[2], c[0]),
                        negative ? percent(c[3], c[0]) : "-");
            }
            row(out, "overall", positives[0] + negatives[0], percent(positives[1], positives[0]),
                    percent(positives[2], positives[0]), percent(negatives[1], negatives[0]));
            out.println();
            list(out, "Misses and not-first hits", misses, shown);
            list(out, "False positives", falsePositives, shown);
        }

        private static void row(PrintStream out, String kind, int queries, String recall, String topOne,
                                String falsePositives) {
            out.printf(Locale.ROOT, "%-12s %8d %8s %8s %8s%n", kind, queries, recall, topOne, falsePositives);
        }

        private static void list(PrintStream out, String title, List<String> lines, int shown) {
            out.printf("%s (%d, first %d):%n", title, lines.size(), Math.min(shown, lines.size()));
            lines.stream().limit(shown).forEach(line -> out.println("  " + line));
            out.println();
        }

        private static String percent(int part, int whole) {
            return whole == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole);
        }

        private static double ratio(int part, int whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }
}
