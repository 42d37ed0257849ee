package dev.brochure.layout.tree;

import dev.brochure.vocab.Insets;
import dev.brochure.vocab.Length;

import dev.brochure.vocab.ImageRef;
import dev.brochure.vocab.Rgb;
import dev.brochure.vocab.Align;
import dev.brochure.vocab.MasterSpec;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.SourceLocation;
import java.util.List;

/**
 * The layout vocabulary's blocks, as the layout stage hands them to typesetting. Each block
 * knows where it came from ({@code where}: the YAML value it shows, or its layout template), so
 * that a typesetting problem can name the content that caused it.
 */
public sealed interface Block {

    SourceLocation where();

    /** A heading; {@code outline} adds it to the PDF's bookmarks under its section. */
    record Heading(int level, TextStyle style, List<Inline> text, boolean outline, SourceLocation where)
            implements Block {
        public Heading {
            text = List.copyOf(text);
        }
    }

    /** A paragraph; {@code align} is null to use the style's alignment. */
    record Paragraph(TextStyle style, Align align, List<Inline> text, SourceLocation where) implements Block {
        public Paragraph {
            text = List.copyOf(text);
        }
    }

    /** A bulleted or numbered list; each item is a list of blocks hung from its marker. */
    record ListBlock(TextStyle style, boolean ordered, String marker, Rgb markerColor, List<List<Block>> items,
            SourceLocation where) implements Block {
        public ListBlock {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /**
     * An image in a box {@code width} wide; the box is {@code height} high, or {@code aspect}
     * (width / height) sets it, or the image's own proportions do. The caption sits below.
     * {@code alt} describes the picture for readers who cannot see it (null when the layout gives
     * none, empty for a decorative picture, which a tagged PDF marks as an artifact); it is not
     * printed.
     */
    record Image(ImageRef image, Fit fit, Length width, Length height, Double aspect, Align align,
            List<Inline> caption, TextStyle captionStyle, double radius, String alt, SourceLocation where)
            implements Block {
        public Image {
            caption = List.copyOf(caption);
        }
    }

    /** A quotation: its body, an accent bar in {@code bar} (null for none), and an attribution. */
    record Quote(List<Block> body, List<Inline> attribution, TextStyle attributionStyle, Rgb bar,
            SourceLocation where) implements Block {
        public Quote {
            body = List.copyOf(body);
            attribution = List.copyOf(attribution);
        }
    }

    record Spacer(double height, SourceLocation where) implements Block {
    }

    record Rule(Rgb color, double thickness, Length width, SourceLocation where) implements Block {
    }

    /** A coloured box around blocks; {@code minHeight} 0 means "as tall as its content". */
    record Panel(Rgb fill, Rgb stroke, double strokeWidth, Insets padding, double radius, double minHeight,
            VAlign valign, List<Block> blocks, SourceLocation where) implements Block {
        public Panel {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * Boxes side by side; each cell gets {@code width} or a share of the rest by {@code weight}.
     * Cells are read in their order, except that an {@code aside} cell (a sidebar, a photo beside
     * the text) is read after the others.
     */
    record Row(double gap, VAlign valign, boolean equalHeight, List<Cell> cells, SourceLocation where)
            implements Block {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    record Cell(Length width, double weight, List<Block> blocks, boolean aside) {
        public Cell {
            blocks = List.copyOf(blocks);
        }

        public Cell(Length width, double weight, List<Block> blocks) {
            this(width, weight, blocks, false);
        }
    }

    /** Blocks flowed through {@code count} columns, balanced when they end on the page. */
    record Columns(int count, double gap, List<Block> blocks, SourceLocation where) implements Block {
        public Columns {
            blocks = List.copyOf(blocks);
        }
    }

    record PageBreak(SourceLocation where) implements Block {
    }

    record ColumnBreak(SourceLocation where) implements Block {
    }

    /** A page of its own whose content sits in absolutely placed frames (a cover, a poster page). */
    record FixedPage(MasterSpec master, Rgb background, List<Frame> frames, SourceLocation where) implements Block {
        public FixedPage {
            frames = List.copyOf(frames);
        }
    }

    /**
     * A box at a fixed place on a fixed page, measured from the trim box's top-left corner.
     * {@code bleed} extends the edges that touch the trim edge into the bleed.
     */
    record Frame(Length x, Length y, Length width, Length height, Rgb fill, Insets padding, VAlign valign,
            boolean bleed, List<Block> blocks, SourceLocation where) {
        public Frame {
            blocks = List.copyOf(blocks);
        }
    }
}
