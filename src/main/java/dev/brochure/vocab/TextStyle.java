package dev.brochure.vocab;


/**
 * A paragraph style of the theme, fully resolved (parents applied, colour looked up).
 * Sizes and spaces are in points; {@code tracking} is in thousandths of an em. {@code balance}
 * sets ragged text of a few lines in lines of similar length (as CSS {@code text-wrap: balance});
 * headings are always set so.
 *
 * <p>Fine typography: {@code features} are the OpenType features its text is shaped with;
 * {@code expansion} is how far (a fraction, 0.02 for 2 %) glyphs may be widened or narrowed to
 * justify a line (font expansion, as pdfTeX's); {@code protrusion} lets punctuation and hyphens
 * hang into the margin (optical margin alignment); {@code emergencyStretch} (in ems) is the extra
 * room a justified line may leave empty at its end rather than be set very loose, in the last
 * pass of line breaking; {@code hyphenPenalty} is what a hyphenated line costs (TeX's
 * {@code \hyphenpenalty}) and {@code consecutiveHyphens} how many hyphenated lines may follow one
 * another. {@code measure} is the longest a line may be, in points (0: as wide as its column), so
 * that large text across a wide column still reads in lines of a readable length.
 */
public record TextStyle(
        String name,
        String family,
        boolean bold,
        boolean italic,
        double size,
        double leading,
        Rgb color,
        Align align,
        double spaceBefore,
        double spaceAfter,
        double indent,
        double tracking,
        boolean uppercase,
        boolean keepWithNext,
        boolean hyphenate,
        boolean balance,
        FontFeatures features,
        double expansion,
        boolean protrusion,
        double emergencyStretch,
        double hyphenPenalty,
        int consecutiveHyphens,
        double measure) {

    /** TeX's {@code \hyphenpenalty}, the default {@code hyphen-penalty}. */
    public static final double DEFAULT_HYPHEN_PENALTY = 50;
    /** The default {@code consecutive-hyphens}. */
    public static final int DEFAULT_CONSECUTIVE_HYPHENS = 2;
    /** The largest {@code expansion} a style may ask for (5 %): beyond it letters visibly distort. */
    public static final double MAX_EXPANSION = 0.05;

    /** The width lines of this style are set to in a column {@code width} wide. */
    public double lineWidth(double width) {
        return measure > 0 ? Math.min(width, measure) : width;
    }
}
