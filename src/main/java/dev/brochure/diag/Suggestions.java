package dev.brochure.diag;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" suggestions for misspelt keys, layout names, styles and colours. */
public final class Suggestions {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggestions() {
    }

    /** The known name closest to {@code typo}, if it is close enough to be a plausible typo. */
    public static Optional<String> closest(String typo, Collection<String> known) {
        String lower = typo.toLowerCase();
        return known.stream()
                .min(Comparator.comparingInt((String k) -> DISTANCE.apply(lower, k.toLowerCase())).thenComparing(k -> k))
                .filter(k -> {
                    int distance = DISTANCE.apply(lower, k.toLowerCase());
                    // Close enough to be a slip of the keys, and not a word replaced outright ('40' is no '1').
                    return distance <= Math.max(2, k.length() / 3) && distance < typo.length();
                });
    }

    /** A hint line: "did you mean 'x'?" or the list of what is allowed. */
    public static String hint(String typo, Collection<String> known) {
        return closest(typo, known)
                .map(k -> "did you mean '" + k + "'?")
                .orElseGet(() -> known.isEmpty() ? "nothing of that kind is defined"
                        : "expected one of: " + String.join(", ", known.stream().sorted().toList()));
    }
}
