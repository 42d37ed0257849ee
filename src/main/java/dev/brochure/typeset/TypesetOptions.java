package dev.brochure.typeset;

import dev.brochure.typeset.text.GreedyLineBreaker;
import dev.brochure.typeset.text.LineBreaker;

/** How to typeset: the bleed around each page (0 for screen) and the paragraph line breaker. */
public record TypesetOptions(double bleed, LineBreaker lineBreaker) {

    public static TypesetOptions defaults() {
        return new TypesetOptions(0, new GreedyLineBreaker());
    }
}
