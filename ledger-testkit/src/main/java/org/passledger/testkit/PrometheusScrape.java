package org.passledger.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's {@code /q/metrics} (Prometheus text format) read into samples, for tests that assert on metrics. */
public record PrometheusScrape(List<Sample> samples) {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static PrometheusScrape of(String text) {
        return new PrometheusScrape(text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(Sample::parse).toList());
    }

    /** True when any sample of the series is there. */
    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The sum of the series' samples that carry these labels (and any others); 0 when none does. */
    public double sum(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.matches(name, labels)).mapToDouble(Sample::value).sum();
    }

    /** The value of the one sample of the series that carries these labels; fails when there is not exactly one. */
    public double value(String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream().filter(s -> s.matches(name, labels)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one sample of " + name + labels + ", found " + matching);
        }
        return matching.get(0).value();
    }

    public record Sample(String name, Map<String, String> labels, double value) {

        static Sample parse(String line) {
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (brace < 0 || brace > space) {
                return new Sample(line.substring(0, line.indexOf(' ')), Map.of(), Double.parseDouble(line.substring(space + 1)));
            }
            int close = line.lastIndexOf('}');
            Map<String, String> labels = new HashMap<>();
            Matcher pairs = LABEL.matcher(line.substring(brace + 1, close));
            while (pairs.find()) {
                labels.put(pairs.group(1), pairs.group(2));
            }
            return new Sample(line.substring(0, brace), labels, Double.parseDouble(line.substring(close + 1).trim().split(" ")[0]));
        }

        boolean matches(String wanted, Map<String, String> subset) {
            return name.equals(wanted) && subset.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }
}
