package dev.brochure.typeset;

import dev.brochure.typeset.text.KnuthPlassLineBreaker;
import dev.brochure.typeset.text.LineBreaker;

/**
 * How to typeset: the bleed around each page (0 for screen) and the paragraph line breaker
 * (Knuth–Plass total fit by default; {@link dev.brochure.typeset.text.GreedyLineBreaker} for
 * comparison).
 */
public record TypesetOptions(double bleed, LineBreaker lineBreaker) {

    public static TypesetOptions defaults() {
        return new TypesetOptions(0, new KnuthPlassLineBreaker());
    }

    public TypesetOptions withLineBreaker(LineBreaker breaker) {
        return new TypesetOptions(bleed, breaker);
    }
}
