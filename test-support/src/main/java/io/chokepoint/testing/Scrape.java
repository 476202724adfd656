package io.chokepoint.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** One reading of {@code /q/metrics} (Prometheus text format), to look samples up by name and labels. */
public final class Scrape {

    /** A sample line: its metric name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {

        boolean has(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
        }
    }

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private Scrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static Scrape now() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return parse(text);
    }

    public static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = LINE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalStateException("not a Prometheus sample: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, number(sample.group(3))));
        }
        return new Scrape(samples);
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** The change of a metric's matching samples from an earlier reading to this one. */
    public double since(Scrape before, String name, String... labels) {
        return value(name, labels) - before.value(name, labels);
    }

    /** The samples of a metric having all the given labels (label, value, label, value...). */
    public List<Sample> find(String name, String... labels) {
        Map<String, String> wanted = labelsOf(labels);
        return samples.stream().filter(sample -> sample.name().equals(name) && sample.has(wanted)).toList();
    }

    /** The sum of the matching samples; 0 when there is none (a counter not yet incremented is not exported). */
    public double value(String name, String... labels) {
        return find(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    public List<Sample> all() {
        return samples;
    }

    private static Map<String, String> labelsOf(String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in pairs: name, value");
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return wanted;
    }
}
