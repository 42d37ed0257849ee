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
     * none, empty for a decorative picture); it is not printed.
     */
    record Image(ImageRef image, Fit fit, Length width, Length height, Double aspect, Align align,
            List<Inline> caption, TextStyle captionStyle, double radius, String alt, Focus focus, double grow,
            SourceLocation where) implements Block {
        public Image {
            caption = List.copyOf(caption);
            focus = focus == null ? Focus.CENTER : focus;
        }

        /** An image that keeps its centre when cropped and does not grow. */
        public Image(ImageRef image, Fit fit, Length width, Length height, Double aspect, Align align,
                List<Inline> caption, TextStyle captionStyle, double radius, String alt, SourceLocation where) {
            this(image, fit, width, height, aspect, align, caption, captionStyle, radius, alt, Focus.CENTER, 0, where);
        }

        /** The same image in a box {@code height} tall. */
        public Image withHeight(Length other) {
            return new Image(image, fit, width, other, other == null ? aspect : null, align, caption, captionStyle,
                    radius, alt, focus, grow, where);
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

    /** Fixed space; with {@code grow} above 0 it also takes its share of what is left at the foot of its page. */
    record Spacer(double height, double grow, SourceLocation where) implements Block {
        public Spacer(double height, SourceLocation where) {
            this(height, 0, where);
        }
    }

    record Rule(Rgb color, double thickness, Length width, SourceLocation where) implements Block {
    }

    /**
     * A coloured box around blocks; {@code minHeight} 0 means "as tall as its content". With
     * {@code grow} above 0 it takes its share of what is left at the foot of its page.
     */
    record Panel(Rgb fill, Rgb stroke, double strokeWidth, Insets padding, double radius, double minHeight,
            VAlign valign, double grow, List<Block> blocks, SourceLocation where) implements Block {
        public Panel {
            blocks = List.copyOf(blocks);
        }

        public Panel(Rgb fill, Rgb stroke, double strokeWidth, Insets padding, double radius, double minHeight,
                VAlign valign, List<Block> blocks, SourceLocation where) {
            this(fill, stroke, strokeWidth, padding, radius, minHeight, valign, 0, blocks, where);
        }
    }

    /**
     * Boxes side by side; each cell gets {@code width} or a share of the rest by {@code weight}.
     * A row is never split, unless {@code split}: then, where it flows, its cells break across
     * columns and pages side by side, each at its own legal breakpoints.
     */
    record Row(double gap, VAlign valign, boolean equalHeight, boolean split, List<Cell> cells, SourceLocation where)
            implements Block {
        public Row {
            cells = List.copyOf(cells);
        }

        public Row(double gap, VAlign valign, boolean equalHeight, List<Cell> cells, SourceLocation where) {
            this(gap, valign, equalHeight, false, cells, where);
        }
    }

    record Cell(Length width, double weight, List<Block> blocks) {
        public Cell {
            blocks = List.copyOf(blocks);
        }
    }

    /** Blocks flowed through {@code count} columns, balanced when they end on the page. */
    record Columns(int count, double gap, List<Block> blocks, SourceLocation where) implements Block {
        public Columns {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * Cells in rows of {@code columns} equal cells (cards, tiles); the rows may break across
     * pages between them. An incomplete last row is set as {@code lastRow} says.
     */
    record Grid(int columns, double gap, double rowGap, VAlign valign, boolean equalHeight, LastRow lastRow,
            List<Cell> cells, SourceLocation where) implements Block {
        public Grid {
            cells = List.copyOf(cells);
        }
    }

    /** Where the cells of a grid's incomplete last row go. */
    enum LastRow {
        /** at the left, as wide as the cells above */
        START,
        /** centred under the rows above, as wide as their cells */
        CENTER,
        /** sharing the full width between them */
        SPREAD
    }

    /**
     * A table: its columns, header rows (repeated at the top of every column or page the table
     * continues on, when {@code repeatHead}), and body rows in groups. Rows never split; the table
     * may break between rows, except inside a group that keeps together, after a group's first
     * row, and where a cell spans rows. Body rows are filled alternately with {@code zebra}.
     */
    record Table(List<Column> columns, List<TableRow> head, List<RowGroup> body, Length width, TextStyle style,
            TextStyle headStyle, Insets padding, Rgb zebra, Rgb headFill, Rgb rule, double ruleWidth, boolean repeatHead,
            SourceLocation where) implements Block {
        public Table {
            columns = List.copyOf(columns);
            head = List.copyOf(head);
            body = List.copyOf(body);
        }

        /** {@code width} null: from the content; {@code weight} above 0: a share of what fixed and content widths leave. */
        public record Column(Length width, double weight, CellAlign align) {
        }

        public record TableRow(List<TableCell> cells, SourceLocation where) {
            public TableRow {
                cells = List.copyOf(cells);
            }
        }

        /** {@code align} null: the column's. */
        public record TableCell(int colspan, int rowspan, CellAlign align, VAlign valign, Rgb fill, List<Block> blocks,
                SourceLocation where) {
            public TableCell {
                blocks = List.copyOf(blocks);
            }
        }

        /** Rows that belong together: a group never leaves its first row alone at a column's foot. */
        public record RowGroup(List<TableRow> rows, boolean keepTogether) {
            public RowGroup {
                rows = List.copyOf(rows);
            }
        }
    }

    /** How a table cell's content sits across it; {@code NUMERIC} lines up figures on their decimal point. */
    enum CellAlign {
        LEFT, CENTER, RIGHT, NUMERIC
    }

    /**
     * A QR code of {@code data}, drawn as vector modules in a square {@code size} wide (its quiet
     * zone of {@code quietZone} modules included), on {@code background} (null: the page shows through).
     */
    record Qr(String data, double size, Rgb color, Rgb background, char errorCorrection, int quietZone, Align align,
            String alt, SourceLocation where) implements Block {
    }

    /** A block whose vertical list must not be broken: it moves to the next column or page whole. */
    record KeepTogether(Block block, SourceLocation where) implements Block {
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
