package dev.brochure.inspect.preview;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * All previewed pages as thumbnails in one image, in reading order, each labelled with its page
 * number: a whole brochure at a glance. Every page is shrunk by the same factor, the one that
 * makes the largest page fit a cell, so pages of mixed sizes keep their proportions.
 */
final class ContactSheet {

    /** The largest thumbnail, in pixels: an A4 page becomes about 170 x 240. */
    static final int CELL_WIDTH = 240;
    static final int CELL_HEIGHT = 240;
    static final int MAX_COLUMNS = 6;
    private static final int GAP = 20;
    private static final int LABEL = 22;
    private static final Color BACKGROUND = new Color(0xE4, 0xE4, 0xE2);
    private static final Color SHADOW = new Color(0, 0, 0, 40);
    private static final Color INK = new Color(0x44, 0x44, 0x44);

    private record Thumbnail(int page, BufferedImage image) {
    }

    private final List<Thumbnail> thumbnails = new ArrayList<>();
    private final double scale;

    /** A sheet for pages of at most {@code largestWidth} x {@code largestHeight} pixels. */
    ContactSheet(double largestWidth, double largestHeight) {
        this.scale = Math.min(1.0, Math.min(CELL_WIDTH / largestWidth, CELL_HEIGHT / largestHeight));
    }

    void add(int number, BufferedImage page) {
        thumbnails.add(new Thumbnail(number, shrink(page, scale)));
    }

    BufferedImage draw() {
        int columns = Math.min(MAX_COLUMNS, Math.max(1, thumbnails.size()));
        int rows = (thumbnails.size() + columns - 1) / columns;
        int cellWidth = thumbnails.stream().mapToInt(t -> t.image().getWidth()).max().orElse(1);
        int cellHeight = thumbnails.stream().mapToInt(t -> t.image().getHeight()).max().orElse(1);
        int width = GAP + columns * (cellWidth + GAP);
        int height = GAP + Math.max(1, rows) * (cellHeight + LABEL + GAP);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (int i = 0; i < thumbnails.size(); i++) {
                Thumbnail t = thumbnails.get(i);
                int cellX = GAP + (i % columns) * (cellWidth + GAP);
                int cellY = GAP + (i / columns) * (cellHeight + LABEL + GAP);
                // Pages stand on the bottom of their cell, centred, like pages on a table.
                int x = cellX + (cellWidth - t.image().getWidth()) / 2;
                int y = cellY + cellHeight - t.image().getHeight();
                g.setColor(SHADOW);
                g.fillRect(x + 2, y + 2, t.image().getWidth(), t.image().getHeight());
                g.drawImage(t.image(), x, y, null);
                label(g, String.valueOf(t.page()), cellX + cellWidth / 2, cellY + cellHeight + LABEL - 6);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    /**
     * Page numbers are drawn with the JDK's logical sans-serif font. A machine without any font
     * installed cannot draw text at all; the sheet is still useful without numbers, as the pages
     * are in order, so the labels are then left out rather than failing the preview.
     */
    private static void label(Graphics2D g, String text, int centreX, int baseline) {
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            FontMetrics metrics = g.getFontMetrics();
            g.setColor(INK);
            g.drawString(text, centreX - metrics.stringWidth(text) / 2, baseline);
        } catch (RuntimeException | InternalError | LinkageError e) {
            // no usable font: leave the label out
        }
    }

    /** Scales a page down, halving first so that fine detail averages out instead of aliasing. */
    private static BufferedImage shrink(BufferedImage page, double scale) {
        int targetWidth = Math.max(1, (int) Math.round(page.getWidth() * scale));
        int targetHeight = Math.max(1, (int) Math.round(page.getHeight() * scale));
        BufferedImage current = page;
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == targetWidth && current.getHeight() == targetHeight ? current
                : resize(current, targetWidth, targetHeight);
    }

    private static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
