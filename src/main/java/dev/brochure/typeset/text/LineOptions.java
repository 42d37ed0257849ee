package dev.brochure.typeset.text;

import dev.brochure.vocab.TextStyle;

/**
 * A paragraph's fine typography, from its style: how far glyphs may be expanded or condensed
 * ({@code expansion}, a fraction), whether characters protrude into the margins
 * ({@code protrusion}, with {@link Protrusion}'s amounts), the emergency stretch of the last
 * pass of line breaking ({@code emergencyStretch}, in points) and how many hyphenated lines may
 * follow one another ({@code maxConsecutiveHyphens}).
 */
public record LineOptions(double expansion, boolean protrusion, double emergencyStretch, int maxConsecutiveHyphens) {

    /** None of it: glyphs at their widths, no protrusion, no emergency stretch, two hyphens in a row. */
    public static final LineOptions NONE = new LineOptions(0, false, 0, TextStyle.DEFAULT_CONSECUTIVE_HYPHENS);

    public static LineOptions of(TextStyle style) {
        return new LineOptions(style.expansion(), style.protrusion(), style.emergencyStretch() * style.size(),
                style.consecutiveHyphens());
    }

    /** The same without protrusion (text aligned centred or to the right). */
    public LineOptions withoutProtrusion() {
        return new LineOptions(expansion, false, emergencyStretch, maxConsecutiveHyphens);
    }
}
