package dev.brochure.inspect;

import dev.brochure.inspect.ContentScanner.Painted;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * What a reader who cannot see, or cannot see well, gets from a PDF: whether it is tagged (a
 * structure tree, {@code MarkInfo /Marked true}, and every glyph, image and shape either content
 * of a structure element or an artifact), the contrast of its text with what lies beneath it
 * (WCAG 2.2, 1.4.3 AA), and its text in reading order ({@link ReadingOrder}).
 *
 * <p>Contrast: each glyph's colour against the colour drawn beneath its middle (the last filled
 * shape or image painted there before it; white paper if nothing is). Over an image, the pixels
 * under the glyph's box count: the glyph's contrast is the one that nine in ten of those pixels
 * reach. Text of at least 18 pt, or 14 pt in a bold face, is large and needs 3:1; other text
 * 4.5:1. The ratio is (L1 + 0.05) / (L2 + 0.05) of the relative luminances of sRGB colours.
 */
public final class Accessibility {

    /** WCAG 2.2 AA: the contrast body text needs, and large text. */
    public static final double BODY_CONTRAST = 4.5;
    public static final double LARGE_CONTRAST = 3.0;

    /** What is painted on a page without being tagged or marked as an artifact. */
    public record Untagged(int page, int glyphs, int images, int shapes, String text) {
    }

    /**
     * Text whose contrast is too low: on {@code page}, text in {@code foreground} over
     * {@code background} (RGB, 0xRRGGBB) with a ratio of {@code ratio} where {@code required} is
     * needed; {@code text} is the first such piece of text, {@code runs} how many there are.
     */
    public record LowContrast(int page, String text, int foreground, int background, double ratio, double required,
            int runs) {
        public String foregroundHex() {
            return hex(foreground);
        }

        public String backgroundHex() {
            return hex(background);
        }
    }

    /** The findings: the structure, untagged content per page, text of low contrast, the reading order. */
    public record Result(boolean structureTree, boolean marked, List<Untagged> untagged, List<LowContrast> lowContrast,
            List<ReadingOrder.Block> readingOrder) {
        public Result {
            untagged = List.copyOf(untagged);
            lowContrast = List.copyOf(lowContrast);
            readingOrder = List.copyOf(readingOrder);
        }

        public boolean tagged() {
            return structureTree && marked && untagged.isEmpty();
        }
    }

    private Accessibility() {
    }

    /** Reads every page of an open document. */
    public static Result scan(PDDocument document) {
        try {
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            COSDictionary root = catalog.getCOSDictionary(COSName.STRUCT_TREE_ROOT);
            COSDictionary markInfo = catalog.getCOSDictionary(COSName.MARK_INFO);
            boolean marked = markInfo != null && markInfo.getBoolean(COSName.getPDFName("Marked"), false);
            ContentScanner.ParentTree parents = new ContentScanner.ParentTree(parentTree(root));
            Map<ReadingOrder.Key, ReadingOrder.Sequence> text = new HashMap<>();
            List<Untagged> untagged = new ArrayList<>();
            List<LowContrast> low = new ArrayList<>();
            int number = 1;
            for (PDPage page : document.getPages()) {
                List<Painted> painted = new ContentScanner(page, parents, text).scan();
                untagged(number, painted).ifPresent(untagged::add);
                low.addAll(new Contrast(number, painted).findings());
                number++;
            }
            return new Result(root != null, marked, untagged, low, ReadingOrder.of(root, text));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The text of a tagged document in the order of its structure tree. */
    public static List<ReadingOrder.Block> readingOrder(PDDocument document) {
        return scan(document).readingOrder();
    }

    private static java.util.Optional<Untagged> untagged(int page, List<Painted> painted) {
        int glyphs = 0;
        int images = 0;
        int shapes = 0;
        StringBuilder text = new StringBuilder();
        for (Painted p : painted) {
            if (p.status() != ContentScanner.Status.UNTAGGED) {
                continue;
            }
            switch (p) {
                case ContentScanner.Glyph g -> {
                    glyphs++;
                    if (text.length() < 40) {
                        text.append(g.text());
                    }
                }
                case ContentScanner.Picture i -> images++;
                default -> shapes++;
            }
        }
        return glyphs + images + shapes == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(new Untagged(page, glyphs, images, shapes, text.toString().strip()));
    }

    /** The parent tree's entries by key (a number tree: /Nums pairs, /Kids below). */
    private static Map<Integer, COSBase> parentTree(COSDictionary root) {
        Map<Integer, COSBase> entries = new HashMap<>();
        if (root != null) {
            numbers(root.getCOSDictionary(COSName.PARENT_TREE), entries, 0, new IdentityHashMap<>());
        }
        return entries;
    }

    private static void numbers(COSDictionary node, Map<Integer, COSBase> entries, int depth,
            Map<COSDictionary, Boolean> seen) {
        if (node == null || depth > 32 || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        COSArray nums = node.getCOSArray(COSName.NUMS);
        if (nums != null) {
            for (int i = 0; i + 1 < nums.size(); i += 2) {
                if (nums.getObject(i) instanceof COSNumber key) {
                    COSBase value = nums.get(i + 1);
                    entries.put(key.intValue(), value instanceof COSObject o ? o.getObject() : value);
                }
            }
        }
        COSArray kids = node.getCOSArray(COSName.KIDS);
        if (kids != null) {
            for (int i = 0; i < kids.size(); i++) {
                if (kids.getObject(i) instanceof COSDictionary kid) {
                    numbers(kid, entries, depth + 1, seen);
                }
            }
        }
    }

    /** WCAG 2.2's contrast ratio of two sRGB colours (0xRRGGBB), from 1 to 21. */
    public static double contrast(int rgb1, int rgb2) {
        return ratio(luminance(rgb1), luminance(rgb2));
    }

    static double ratio(double l1, double l2) {
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    /** WCAG 2.2's relative luminance of an sRGB colour (0xRRGGBB). */
    public static double luminance(int rgb) {
        return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06X", rgb & 0xffffff);
    }

    /** The contrast of the text of one page with what lies beneath it. */
    private static final class Contrast {

        private static final int WHITE = 0xffffff;

        private final int page;
        private final List<Painted> painted;
        private final Map<PDImage, BufferedImage> decoded = new IdentityHashMap<>();

        Contrast(int page, List<Painted> painted) {
            this.page = page;
            this.painted = painted;
        }

        /**
         * A run of glyphs on one line in one colour over one surface (a fill, an image, the paper)
         * with one requirement: its lowest contrast, and the background colour there.
         */
        private static final class Run {
            final int foreground;
            final int surface;
            final double required;
            final double baseline;
            final StringBuilder text = new StringBuilder();
            double ratio = Double.MAX_VALUE;
            int background;

            Run(int foreground, int surface, double required, double baseline) {
                this.foreground = foreground;
                this.surface = surface;
                this.required = required;
                this.baseline = baseline;
            }
        }

        List<LowContrast> findings() {
            List<Run> runs = new ArrayList<>();
            Run run = null;
            for (int i = 0; i < painted.size(); i++) {
                if (!(painted.get(i) instanceof ContentScanner.Glyph g) || g.rgb() < 0) {
                    continue;
                }
                if (g.text().isBlank()) {
                    if (run != null && Math.abs(run.baseline - g.box().getY()) <= 0.5) {
                        run.text.append(' ');
                    }
                    continue;
                }
                Beneath under = beneath(g, i);
                boolean large = g.size() >= 18 || g.bold() && g.size() >= 14;
                double required = large ? LARGE_CONTRAST : BODY_CONTRAST;
                if (run == null || run.foreground != g.rgb() || run.surface != under.surface()
                        || run.required != required || Math.abs(run.baseline - g.box().getY()) > 0.5) {
                    run = new Run(g.rgb(), under.surface(), required, g.box().getY());
                    runs.add(run);
                }
                run.text.append(g.text());
                if (under.ratio() < run.ratio) {
                    run.ratio = under.ratio();
                    run.background = under.background();
                }
            }
            Map<String, LowContrast> found = new LinkedHashMap<>();
            for (Run r : runs) {
                if (r.ratio + 1e-9 >= r.required) {
                    continue;
                }
                double shown = Math.floor(r.ratio * 100) / 100;
                String key = r.foreground + "/" + r.background + "/" + shown + "/" + r.required;
                LowContrast before = found.get(key);
                found.put(key, before == null
                        ? new LowContrast(page, r.text.toString().strip(), r.foreground, r.background, shown, r.required, 1)
                        : new LowContrast(page, before.text(), r.foreground, r.background, shown, r.required,
                                before.runs() + 1));
            }
            return List.copyOf(found.values());
        }

        /** What lies beneath a glyph: the painted item (-1: the paper), its colour there, the glyph's contrast with it. */
        private record Beneath(int surface, int background, double ratio) {
        }

        /** What lies beneath glyph {@code index}'s middle: the last fill or image painted there before it. */
        private Beneath beneath(ContentScanner.Glyph g, int index) {
            Rectangle2D box = g.box();
            Point2D middle = new Point2D.Double(box.getCenterX(), box.getCenterY());
            for (int i = index - 1; i >= 0; i--) {
                Painted p = painted.get(i);
                if (p instanceof ContentScanner.Fill fill && fill.rgb() >= 0 && fill.shape().contains(middle)) {
                    return new Beneath(i, fill.rgb(), contrast(g.rgb(), fill.rgb()));
                }
                if (p instanceof ContentScanner.Picture picture && (picture.clip() == null
                        || picture.clip().contains(middle))) {
                    double[] under = underImage(g, picture, middle);
                    if (under != null) {
                        return new Beneath(i, (int) under[0], under[1]);
                    }
                }
            }
            return new Beneath(-1, WHITE, contrast(g.rgb(), WHITE));
        }

        /**
         * The pixels of {@code picture} under the glyph's box: their mean colour, and the contrast
         * nine in ten of them reach with the glyph. Null if the glyph is not over the picture.
         */
        private double[] underImage(ContentScanner.Glyph g, ContentScanner.Picture picture, Point2D middle) {
            java.awt.geom.AffineTransform toImage;
            try {
                toImage = picture.ctm().createAffineTransform().createInverse();
            } catch (NoninvertibleTransformException e) {
                return null;
            }
            Point2D unit = toImage.transform(middle, null);
            if (unit.getX() < 0 || unit.getX() > 1 || unit.getY() < 0 || unit.getY() > 1) {
                return null;
            }
            BufferedImage image = decoded.computeIfAbsent(picture.image(), Contrast::decode);
            if (image == null) {
                return null;
            }
            Rectangle2D box = g.box();
            Rectangle2D area = toImage.createTransformedShape(box).getBounds2D();
            int w = image.getWidth();
            int h = image.getHeight();
            int x0 = clamp((int) Math.floor(area.getMinX() * w), w);
            int x1 = clamp((int) Math.ceil(area.getMaxX() * w), w);
            int y0 = clamp((int) Math.floor((1 - area.getMaxY()) * h), h);
            int y1 = clamp((int) Math.ceil((1 - area.getMinY()) * h), h);
            int stepX = Math.max(1, (x1 - x0) / 24);
            int stepY = Math.max(1, (y1 - y0) / 24);
            List<Double> ratios = new ArrayList<>();
            long r = 0;
            long gr = 0;
            long b = 0;
            for (int y = y0; y <= y1; y += stepY) {
                for (int x = x0; x <= x1; x += stepX) {
                    int rgb = image.getRGB(x, y) & 0xffffff;
                    ratios.add(contrast(g.rgb(), rgb));
                    r += rgb >> 16 & 0xff;
                    gr += rgb >> 8 & 0xff;
                    b += rgb & 0xff;
                }
            }
            int n = ratios.size();
            double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            int mean = (int) (r / n) << 16 | (int) (gr / n) << 8 | (int) (b / n);
            return new double[] {mean, sorted[n / 10]};
        }

        private static int clamp(int v, int size) {
            return Math.max(0, Math.min(size - 1, v));
        }

        private static BufferedImage decode(PDImage image) {
            try {
                return Objects.requireNonNull(image.getImage());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
