package dev.brochure.vocab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The OpenType features a style asks for. {@code kern} and {@code liga} are on unless turned off
 * ({@code -kern}, {@code -liga}); the others ({@link #SUBSTITUTIONS}) are off unless listed.
 * {@code requested} keeps what the style listed, in its order, so that a feature a font lacks
 * can be named in a warning. Substitutions are applied in the order of {@link #SUBSTITUTIONS},
 * whatever order the style lists them in: case first, then figures, then ligatures.
 */
public record FontFeatures(boolean kern, boolean liga, List<String> substitutions, List<String> requested) {

    /** Features applied by glyph substitution (GSUB single and ligature lookups), in the order applied. */
    public static final List<String> SUBSTITUTIONS = List.of("smcp", "c2sc", "case", "lnum", "onum", "tnum", "pnum",
            "zero", "dlig");
    /** Every feature a style may name. */
    public static final List<String> KNOWN;

    static {
        List<String> known = new ArrayList<>(List.of("kern", "liga"));
        known.addAll(SUBSTITUTIONS);
        KNOWN = List.copyOf(known);
    }

    /** Kerning and standard ligatures, nothing else: what text gets when its style says nothing. */
    public static final FontFeatures DEFAULT = new FontFeatures(true, true, List.of(), List.of());

    /** Pairs that contradict each other: a style may ask for only one of each. */
    private static final List<List<String>> EXCLUSIVE = List.of(List.of("lnum", "onum"), List.of("tnum", "pnum"));

    public FontFeatures {
        substitutions = List.copyOf(substitutions);
        requested = List.copyOf(requested);
    }

    /**
     * The features of a list such as {@code [lnum, tnum, -liga]}, or the problem with it (an
     * unknown tag, or two that exclude each other).
     */
    public static Result parse(List<String> tags) {
        boolean kern = true;
        boolean liga = true;
        List<String> on = new ArrayList<>();
        List<String> requested = new ArrayList<>();
        for (String raw : tags) {
            String tag = raw.strip();
            boolean off = tag.startsWith("-");
            String name = off ? tag.substring(1) : tag;
            if (!KNOWN.contains(name)) {
                return new Result(null, "unknown OpenType feature '" + tag + "'", name);
            }
            if (name.equals("kern")) {
                kern = !off;
            } else if (name.equals("liga")) {
                liga = !off;
            } else if (off) {
                on.remove(name);
            } else if (!on.contains(name)) {
                on.add(name);
            }
            if (!off && !requested.contains(name)) {
                requested.add(name);
            }
        }
        for (List<String> pair : EXCLUSIVE) {
            if (on.containsAll(pair)) {
                return new Result(null, "features '" + pair.get(0) + "' and '" + pair.get(1) + "' exclude each other",
                        null);
            }
        }
        List<String> ordered = SUBSTITUTIONS.stream().filter(on::contains).toList();
        return new Result(new FontFeatures(kern, liga, ordered, requested), null, null);
    }

    /** The same features without standard ligatures (letter-spaced text). */
    public FontFeatures withoutLigatures() {
        return liga ? new FontFeatures(kern, false, substitutions, requested) : this;
    }

    /** A parsed feature list, or the problem and the word it is about. */
    public record Result(FontFeatures features, String problem, String word) {
        public Optional<FontFeatures> value() {
            return Optional.ofNullable(features);
        }
    }
}
