package dev.brochure.typeset.page;

import dev.brochure.vocab.ImageRef;
import dev.brochure.vocab.Rgb;
import java.nio.file.Path;

/**
 * Something at a fixed position on a page: drawn, a clickable area, or the description of a line
 * of text ({@link TextLine}, not drawn). Coordinates are PDF points measured from the top-left
 * corner of the trim box, y growing downwards; the renderer only converts them.
 */
public sealed interface PageItem {

    /** A copy moved by (dx, dy): typesetting builds items relative to their box, then places it. */
    PageItem moved(double dx, double dy);

    /**
     * Glyphs of one font, size and colour on one baseline. {@code positions[i]} is glyph i's x
     * offset from {@code x}; the renderer must draw each glyph exactly there, so measuring and
     * drawing agree. {@code text} is the text the run shows; glyph i shows the characters of
     * {@code text} from {@code clusters[i]} up to the next glyph's cluster (several for a
     * ligature). {@code scale} is the horizontal scaling of the glyphs (1 + the line's font
     * expansion: 1.02 draws them 2 % wider); the positions already account for it. The arrays are
     * never modified after construction.
     */
    record GlyphRun(double x, double baseline, Path font, double size, Rgb color, int[] glyphs, double[] positions,
            int[] clusters, double width, String text, double scale) implements PageItem {

        /** A run drawn at the glyphs' own widths. */
        public GlyphRun(double x, double baseline, Path font, double size, Rgb color, int[] glyphs, double[] positions,
                int[] clusters, double width, String text) {
            this(x, baseline, font, size, color, glyphs, positions, clusters, width, text, 1);
        }

        @Override
        public GlyphRun moved(double dx, double dy) {
            return new GlyphRun(x + dx, baseline + dy, font, size, color, glyphs, positions, clusters, width, text,
                    scale);
        }

        /**
         * The characters glyph {@code i} stands for (empty for the second glyph of a split
         * character). Clusters never decrease along a run (text is set left to right).
         */
        public String textOf(int i) {
            int start = clusters[i];
            if (i > 0 && clusters[i - 1] == start) {
                return "";
            }
            int end = text.length();
            for (int j = i + 1; j < clusters.length; j++) {
                if (clusters[j] > start) {
                    end = clusters[j];
                    break;
                }
            }
            return text.substring(start, end);
        }
    }

    /**
     * One line of a paragraph as placed; not drawn (the glyph runs that show it are items of
     * their own), it says what the line is, for the typography report, which is computed from
     * these alone ({@code typeset/quality}). ({@code x}, {@code baseline}) is where the line's
     * measure starts; {@code width} is the line as set and {@code measure} the width it was broken
     * for. It is line {@code index} of {@code paragraph}; {@code ratio} is its adjustment ratio as
     * broken; {@code natural} says it was set at its natural width because it ends the paragraph
     * or a forced break; {@code hyphenated} that it ends with a hyphen, added or in the text.
     * {@code columnTop} and {@code columnFoot} are set only for a line placed straight into a
     * page's column (not one inside a panel, row, quote or frame): the first box of its column,
     * and the last box of a column after which the line's section goes on in another column or on
     * another page.
     */
    record TextLine(double x, double baseline, double width, double measure, TextParagraph paragraph, int index,
            double ratio, boolean natural, boolean hyphenated, boolean columnTop, boolean columnFoot)
            implements PageItem {

        /** How far a line may exceed its measure (rounding of advances) before it counts as overfull. */
        public static final double OVERFULL_TOLERANCE = 0.5;

        @Override
        public TextLine moved(double dx, double dy) {
            return new TextLine(x + dx, baseline + dy, width, measure, paragraph, index, ratio, natural, hyphenated,
                    columnTop, columnFoot);
        }

        /** This line marked as the first and/or the last box of a page's column. */
        public TextLine inColumn(boolean top, boolean foot) {
            return new TextLine(x, baseline, width, measure, paragraph, index, ratio, natural, hyphenated, top, foot);
        }

        /** Wider than its measure by more than {@link #OVERFULL_TOLERANCE}. */
        public boolean overfull() {
            return width > measure + OVERFULL_TOLERANCE;
        }
    }

    /**
     * An image drawn at (x, y, width, height), shown only inside {@code clip} (null for no
     * clipping), whose corners are rounded by {@code radius}. {@code alt} is the layout's
     * description of the picture for readers who cannot see it (null if it gave none, empty for
     * a decorative picture); it is kept here for a tagged, accessible PDF and is not drawn.
     */
    record PlacedImage(ImageRef image, double x, double y, double width, double height, Rect clip, double radius,
            String alt) implements PageItem {
        @Override
        public PlacedImage moved(double dx, double dy) {
            return new PlacedImage(image, x + dx, y + dy, width, height, clip == null ? null : clip.moved(dx, dy), radius,
                    alt);
        }
    }

    /** A rectangle, filled and/or stroked (either colour may be null), with rounded corners. */
    record Box(Rect rect, Rgb fill, Rgb stroke, double strokeWidth, double radius) implements PageItem {
        @Override
        public Box moved(double dx, double dy) {
            return new Box(rect.moved(dx, dy), fill, stroke, strokeWidth, radius);
        }
    }

    record Line(double x1, double y1, double x2, double y2, Rgb color, double width) implements PageItem {
        @Override
        public Line moved(double dx, double dy) {
            return new Line(x1 + dx, y1 + dy, x2 + dx, y2 + dy, color, width);
        }
    }

    /**
     * A QR code of {@code size} × {@code size} modules, each {@code module} points square, its
     * top-left module at (x, y). {@code dark[row * size + column]} tells the dark modules, drawn in
     * {@code color} as vector squares (the light ones are not drawn). {@code data} is the text the
     * code holds; {@code alt} a description for readers who cannot see it (null if none). The
     * array is never modified after construction.
     */
    record QrCode(double x, double y, double module, int size, boolean[] dark, Rgb color, String data, String alt)
            implements PageItem {
        @Override
        public QrCode moved(double dx, double dy) {
            return new QrCode(x + dx, y + dy, module, size, dark, color, data, alt);
        }

        public boolean isDark(int row, int column) {
            return dark[row * size + column];
        }
    }

    /**
     * A clickable area. {@code target} is a URI ({@code https:}, {@code mailto:}) or
     * {@code #id}, a destination inside the document.
     */
    record Link(Rect rect, String target) implements PageItem {
        @Override
        public Link moved(double dx, double dy) {
            return new Link(rect.moved(dx, dy), target);
        }
    }
}
