package dev.brochure.pipeline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How long each stage of a build took, in milliseconds, in pipeline order. */
public record StageTimes(Map<String, Double> millis) {

    public StageTimes {
        millis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }

    /** Measures stages one after another. Not thread-safe: one per build. */
    static final class Clock {
        private final Map<String, Double> millis = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            millis.merge(stage, (now - last) / 1e6, Double::sum);
            last = now;
        }

        StageTimes times() {
            return new StageTimes(millis);
        }
    }

    public double total() {
        return millis.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Override
    public String toString() {
        return millis.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.0f ms", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
