package dev.brochure.vocab;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How lines of a paragraph sit in their measure. */
public enum Align {
    LEFT, RIGHT, CENTER, JUSTIFY;

    public static Optional<Align> of(String word) {
        return Arrays.stream(values()).filter(a -> a.word().equals(word)).findFirst();
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(Align::word).toList();
    }
}
