package dev.brochure.typeset.page;

import dev.brochure.vocab.ImageRef;
import dev.brochure.vocab.Rgb;
import dev.brochure.vocab.SourceLocation;
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
     * What the item is in the document's logical structure: content of an element, or an
     * artifact ({@link Tag}); {@link Tag#NONE} for an item made without one.
     */
    Tag tag();

    /** This item with another tag (the item itself for one that is not drawn). */
    PageItem tagged(Tag tag);

    /**
     * Glyphs of one font, size and colour on one baseline. {@code positions[i]} is glyph i's x
     * offset from {@code x}; the renderer must draw each glyph exactly there, so measuring and
     * drawing agree. {@code text} is the text the run shows; glyph i shows the characters of
     * {@code text} from {@code clusters[i]} up to the next glyph's cluster (several for a
     * ligature). {@code scale} is the horizontal scaling of the glyphs (1 + the line's font
     * expansion: 1.02 draws them 2 % wider); the positions already account for it. The arrays are
     * never modified after construction.
     *
     * <p>{@code reading} is the run's place in its paragraph's reading order, for a paragraph
     * holding right-to-left text, whose lines are drawn in visual order, not in the order they are
     * read: its runs are numbered 0, 1, 2, … along its text in logical order. -1 for a run of a
     * paragraph drawn in reading order (no right-to-left text), or one made outside typesetting's
     * paragraphs.
     */
    record GlyphRun(double x, double baseline, Path font, double size, Rgb color, int[] glyphs, double[] positions,
            int[] clusters, double width, String text, double scale, Tag tag, int reading) implements PageItem {

        /** A run of a paragraph drawn in reading order. */
        public GlyphRun(double x, double baseline, Path font, double size, Rgb color, int[] glyphs,
                double[] positions, int[] clusters, double width, String text, double scale, Tag tag) {
            this(x, baseline, font, size, color, glyphs, positions, clusters, width, text, scale, tag, -1);
        }

        /** A run drawn at the glyphs' own widths. */
        public GlyphRun(double x, double baseline, Path font, double size, Rgb color, int[] glyphs, double[] positions,
                int[] clusters, double width, String text) {
            this(x, baseline, font, size, color, glyphs, positions, clusters, width, text, 1);
        }

        /** A run not yet given its place in the structure. */
        public GlyphRun(double x, double baseline, Path font, double size, Rgb color, int[] glyphs, double[] positions,
                int[] clusters, double width, String text, double scale) {
            this(x, baseline, font, size, color, glyphs, positions, clusters, width, text, scale, Tag.NONE);
        }

        @Override
        public GlyphRun moved(double dx, double dy) {
            return new GlyphRun(x + dx, baseline + dy, font, size, color, glyphs, positions, clusters, width, text,
                    scale, tag, reading);
        }

        @Override
        public GlyphRun tagged(Tag other) {
            return new GlyphRun(x, baseline, font, size, color, glyphs, positions, clusters, width, text, scale, other,
                    reading);
        }

        /** This run with its place in its paragraph's reading order ({@link #reading()}). */
        public GlyphRun read(int number) {
            return new GlyphRun(x, baseline, font, size, color, glyphs, positions, clusters, width, text, scale, tag,
                    number);
        }

        /**
         * The characters glyph {@code i} stands for: from its cluster to the next larger cluster of
         * the run (empty for the second glyph of a split character, or a mark's glyph that shares
         * its base's cluster). Glyphs are in visual order and the text in logical order, so the
         * clusters never decrease along a left-to-right run and never increase along a
         * right-to-left one (a run holds text of one direction).
         */
        public String textOf(int i) {
            return text.substring(clusters[i], textEnd(i));
        }

        /**
         * Where the characters of glyph {@code i} end in {@link #text()} (they start at
         * {@code clusters()[i]}); the start itself when the glyph shows none of its own. For
         * callers that tally text without making a string of each glyph's.
         */
        public int textEnd(int i) {
            int start = clusters[i];
            boolean rightToLeft = clusters.length > 1 && clusters[0] > clusters[clusters.length - 1];
            if (i > 0 && clusters[i - 1] == start) {
                return start;
            }
            int end = text.length();
            if (rightToLeft) {
                for (int j = i - 1; j >= 0; j--) {
                    if (clusters[j] > start) {
                        end = clusters[j];
                        break;
                    }
                }
            } else {
                for (int j = i + 1; j < clusters.length; j++) {
                    if (clusters[j] > start) {
                        end = clusters[j];
                        break;
                    }
                }
            }
            return end;
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

        /** Not drawn, so no part of the structure: its glyph runs are. */
        @Override
        public Tag tag() {
            return Tag.NONE;
        }

        @Override
        public TextLine tagged(Tag other) {
            return this;
        }
    }

    /**
     * An image drawn at (x, y, width, height), shown only inside {@code clip} (null for no
     * clipping), whose corners are rounded by {@code radius}. {@code alt} is the layout's
     * description of the picture for readers who cannot see it (null if it gave none, empty for
     * a decorative picture); the tagged PDF's figure carries it (its {@link StructNode#alt()}).
     * {@code where} is the YAML place that puts the image there (the layout block's location), so
     * a problem with the placement (too low a resolution for print) names the line to change.
     */
    record PlacedImage(ImageRef image, double x, double y, double width, double height, Rect clip, double radius,
            String alt, SourceLocation where, Tag tag) implements PageItem {

        public PlacedImage(ImageRef image, double x, double y, double width, double height, Rect clip, double radius,
                String alt, SourceLocation where) {
            this(image, x, y, width, height, clip, radius, alt, where, Tag.NONE);
        }

        @Override
        public PlacedImage moved(double dx, double dy) {
            return new PlacedImage(image, x + dx, y + dy, width, height, clip == null ? null : clip.moved(dx, dy), radius,
                    alt, where, tag);
        }

        @Override
        public PlacedImage tagged(Tag other) {
            return new PlacedImage(image, x, y, width, height, clip, radius, alt, where, other);
        }

        /** The part of the page the picture shows: its clip, or all of it. */
        public Rect visible() {
            return clip != null ? clip : new Rect(x, y, width, height);
        }
    }

    /** A rectangle, filled and/or stroked (either colour may be null), with rounded corners. */
    record Box(Rect rect, Rgb fill, Rgb stroke, double strokeWidth, double radius, Tag tag) implements PageItem {

        public Box(Rect rect, Rgb fill, Rgb stroke, double strokeWidth, double radius) {
            this(rect, fill, stroke, strokeWidth, radius, Tag.NONE);
        }

        @Override
        public Box moved(double dx, double dy) {
            return new Box(rect.moved(dx, dy), fill, stroke, strokeWidth, radius, tag);
        }

        @Override
        public Box tagged(Tag other) {
            return new Box(rect, fill, stroke, strokeWidth, radius, other);
        }
    }

    record Line(double x1, double y1, double x2, double y2, Rgb color, double width, Tag tag) implements PageItem {

        public Line(double x1, double y1, double x2, double y2, Rgb color, double width) {
            this(x1, y1, x2, y2, color, width, Tag.NONE);
        }

        @Override
        public Line moved(double dx, double dy) {
            return new Line(x1 + dx, y1 + dy, x2 + dx, y2 + dy, color, width, tag);
        }

        @Override
        public Line tagged(Tag other) {
            return new Line(x1, y1, x2, y2, color, width, other);
        }
    }

    /**
     * A QR code of {@code size} × {@code size} modules, each {@code module} points square, its
     * top-left module at (x, y). {@code dark[row * size + column]} tells the dark modules, drawn in
     * {@code color} as vector squares (the light ones are not drawn). {@code data} is the text the
     * code holds; {@code alt} a description for readers who cannot see it (null if none). Its
     * tag is its figure, or an artifact for a code nothing describes. The array is never modified
     * after construction.
     */
    record QrCode(double x, double y, double module, int size, boolean[] dark, Rgb color, String data, String alt,
            Tag tag) implements PageItem {

        public QrCode(double x, double y, double module, int size, boolean[] dark, Rgb color, String data,
                String alt) {
            this(x, y, module, size, dark, color, data, alt, Tag.NONE);
        }

        @Override
        public QrCode moved(double dx, double dy) {
            return new QrCode(x + dx, y + dy, module, size, dark, color, data, alt, tag);
        }

        @Override
        public QrCode tagged(Tag other) {
            return new QrCode(x, y, module, size, dark, color, data, alt, other);
        }

        public boolean isDark(int row, int column) {
            return dark[row * size + column];
        }
    }

    /**
     * A clickable area. {@code target} is a URI ({@code https:}, {@code mailto:}) or
     * {@code #id}, a destination inside the document. Its tag names the link element whose text
     * it covers.
     */
    record Link(Rect rect, String target, Tag tag) implements PageItem {

        public Link(Rect rect, String target) {
            this(rect, target, Tag.NONE);
        }

        @Override
        public Link moved(double dx, double dy) {
            return new Link(rect.moved(dx, dy), target, tag);
        }

        @Override
        public Link tagged(Tag other) {
            return new Link(rect, target, other);
        }
    }
}
