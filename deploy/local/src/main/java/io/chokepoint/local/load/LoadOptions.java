package io.chokepoint.local.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What one load run sends: either {@code --saturate N} events as fast as they are taken, or {@code --rate R} events
 * a second for {@code --duration D}; over Kafka ({@code shipments.inbound}, the default) or REST batches.
 */
record LoadOptions(Pacing pacing, long events, Transport transport, long seed, Duration timeout, Path cases, Path ofac) {

    enum Transport { KAFKA, REST }

    static final String USAGE = "usage: ./chokepoint load [--rate R [--duration D] | --saturate N] [--rest|--kafka]"
            + " [--seed S] [--timeout T] [--cases EVENTS.jsonl] [--ofac OFAC_DIR]";
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** Where the event templates and the sanctions snapshot come from unless named: the script's defaults. */
    static final String CASES_PROPERTY = "load.cases";
    static final String OFAC_PROPERTY = "load.ofac";

    static LoadOptions parse(List<String> arguments) {
        Deque<String> args = new ArrayDeque<>(arguments);
        Double rate = null;
        Long saturate = null;
        Duration duration = null;
        Transport transport = null;
        Long seed = null;
        Duration timeout = DEFAULT_TIMEOUT;
        String cases = System.getProperty(CASES_PROPERTY);
        String ofac = System.getProperty(OFAC_PROPERTY);
        while (!args.isEmpty()) {
            String option = args.pop();
            switch (option) {
                case "--rate" -> rate = positiveRate(value(args, option));
                case "--saturate" -> saturate = positiveCount(option, value(args, option));
                case "--duration" -> duration = positive(option, DurationArgument.parse(option, value(args, option)));
                case "--timeout" -> timeout = positive(option, DurationArgument.parse(option, value(args, option)));
                case "--seed" -> seed = number(option, value(args, option));
                case "--kafka", "--rest" -> transport = oneTransport(transport, option);
                case "--cases" -> cases = value(args, option);
                case "--ofac" -> ofac = value(args, option);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (cases == null) {
            throw new IllegalArgumentException("no event templates: name a shipments evaluation set with --cases");
        }
        return new LoadOptions(pacing(rate, saturate, duration), events(rate, saturate, duration),
                transport == null ? Transport.KAFKA : transport,
                seed == null ? ThreadLocalRandom.current().nextLong() : seed, timeout, Path.of(cases),
                ofac == null ? null : Path.of(ofac));
    }

    private static Pacing pacing(Double rate, Long saturate, Duration duration) {
        if ((rate == null) == (saturate == null)) {
            throw new IllegalArgumentException("give either --rate R (events a second) or --saturate N (events), not "
                    + (rate == null ? "neither" : "both"));
        }
        if (saturate != null && duration != null) {
            throw new IllegalArgumentException("--duration goes with --rate; --saturate sends its N events and stops");
        }
        return saturate != null ? Pacing.saturate() : Pacing.steady(rate);
    }

    private static long events(Double rate, Long saturate, Duration duration) {
        if (saturate != null) {
            return saturate;
        }
        long planned = Math.round(rate * (duration == null ? DEFAULT_DURATION : duration).toNanos() / 1e9);
        if (planned < 1) {
            throw new IllegalArgumentException("--rate " + rate + " for " + duration + " sends no event");
        }
        return planned;
    }

    private static Transport oneTransport(Transport chosen, String option) {
        Transport wanted = option.equals("--rest") ? Transport.REST : Transport.KAFKA;
        if (chosen != null && chosen != wanted) {
            throw new IllegalArgumentException("--rest and --kafka exclude each other");
        }
        return wanted;
    }

    private static String value(Deque<String> args, String option) {
        if (args.isEmpty() || args.peek().startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.pop();
    }

    private static double positiveRate(String text) {
        try {
            double rate = Double.parseDouble(text);
            if (rate > 0 && Double.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("--rate takes events a second above zero, not '" + text + "'");
    }

    private static long positiveCount(String option, String text) {
        long count = number(option, text);
        if (count < 1) {
            throw new IllegalArgumentException(option + " takes a number of events above zero, not " + count);
        }
        return count;
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + text + "'");
        }
    }

    private static Duration positive(String option, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(option + " must be longer than zero");
        }
        return duration;
    }
}
