package dev.brochure.inspect;

import static org.junit.jupiter.api.Assertions.fail;

import dev.brochure.inspect.preview.PageRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Golden-page comparison: pages rendered at low resolution with the same renderer as
 * {@code brochure preview}, compared pixel by pixel with stored PNGs. A pixel differs when any
 * colour channel differs by more than {@link #TOLERANCE}; a page differs when more than
 * {@link #MAX_DIFFERING_PIXELS} pixels do (rendering is deterministic, so the tolerance only
 * absorbs anti-aliasing noise between JDK builds, never a moved line or word).
 */
final class GoldenPages {

    static final float DPI = 30;
    static final int TOLERANCE = 16;
    static final int MAX_DIFFERING_PIXELS = 4;
    /** {@code mvn -B verify -Dgolden.update=true} rewrites the goldens instead of comparing. */
    static final String UPDATE_PROPERTY = "golden.update";
    static final String REFRESH = "mvn -B verify -D" + UPDATE_PROPERTY + "=true";

    /** How one page compares: differing pixel count, the largest channel difference, and a picture of it. */
    record Comparison(int differing, int maxDelta, boolean sizeDiffers, BufferedImage diff) {
        boolean matches() {
            return !sizeDiffers && differing <= MAX_DIFFERING_PIXELS;
        }
    }

    private GoldenPages() {
    }

    static boolean updating() {
        return Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, "false"));
    }

    static String name(int page) {
        return String.format(Locale.ROOT, "page-%03d.png", page);
    }

    /**
     * Compares every page of {@code brochure} with its golden in {@code golden} and fails naming
     * each page that differs (its actual page and a diff image go to {@code actualDir}); with
     * {@value #UPDATE_PROPERTY} set, rewrites the goldens instead.
     */
    static void assertMatch(String brochure, List<BufferedImage> pages, Path golden, Path actualDir) {
        clear(actualDir);
        if (updating()) {
            clear(golden);
            for (int i = 0; i < pages.size(); i++) {
                write(pages.get(i), golden.resolve(name(i + 1)));
            }
            System.out.printf("golden pages: wrote %d pages to %s%n", pages.size(), golden);
            return;
        }
        List<Path> goldens = goldens(golden);
        if (goldens.isEmpty()) {
            fail("no golden pages in " + golden + "; make them with: " + REFRESH);
        }
        List<String> problems = new ArrayList<>();
        if (goldens.size() != pages.size()) {
            problems.add(String.format(Locale.ROOT, "the brochure has %d pages, the goldens %d", pages.size(), goldens.size()));
        }
        for (int i = 0; i < pages.size(); i++) {
            int number = i + 1;
            Path goldenPage = golden.resolve(name(number));
            Path actual = actualDir.resolve(name(number).replace(".png", ".actual.png"));
            if (!Files.exists(goldenPage)) {
                write(pages.get(i), actual);
                problems.add("page " + number + " has no golden\n    actual  " + actual);
                continue;
            }
            Comparison c = compare(read(goldenPage), pages.get(i));
            if (!c.matches()) {
                write(pages.get(i), actual);
                StringBuilder p = new StringBuilder("page " + number + ": ");
                p.append(c.sizeDiffers() ? "the page size differs" : c.differing() + " pixels differ (largest channel difference "
                        + c.maxDelta() + ")");
                p.append("\n    golden  ").append(goldenPage).append("\n    actual  ").append(actual);
                if (c.diff() != null) {
                    Path diff = actualDir.resolve(name(number).replace(".png", ".diff.png"));
                    write(c.diff(), diff);
                    p.append("\n    diff    ").append(diff);
                }
                problems.add(p.toString());
            }
        }
        if (!problems.isEmpty()) {
            fail(String.format(Locale.ROOT, brochure + "'s pages differ from their goldens (a pixel differs by more"
                    + " than %d/255 in a channel; a page may have %d such pixels):%n  %s%nIf the change is intended,"
                    + " refresh the goldens with: %s", TOLERANCE, MAX_DIFFERING_PIXELS,
                    String.join(System.lineSeparator() + "  ", problems), REFRESH));
        }
    }

    static List<BufferedImage> render(Path pdf) {
        try (PDDocument document = PdfFiles.open(pdf)) {
            PageRenderer renderer = new PageRenderer(document);
            List<BufferedImage> pages = new ArrayList<>();
            for (int n = 1; n <= document.getNumberOfPages(); n++) {
                pages.add(renderer.render(n, DPI));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Comparison compare(BufferedImage golden, BufferedImage actual) {
        if (golden.getWidth() != actual.getWidth() || golden.getHeight() != actual.getHeight()) {
            return new Comparison(golden.getWidth() * golden.getHeight(), 255, true, null);
        }
        BufferedImage diff = new BufferedImage(golden.getWidth(), golden.getHeight(), BufferedImage.TYPE_INT_RGB);
        int differing = 0;
        int maxDelta = 0;
        for (int y = 0; y < golden.getHeight(); y++) {
            for (int x = 0; x < golden.getWidth(); x++) {
                int g = golden.getRGB(x, y);
                int a = actual.getRGB(x, y);
                int delta = Math.max(Math.abs((g >> 16 & 0xFF) - (a >> 16 & 0xFF)),
                        Math.max(Math.abs((g >> 8 & 0xFF) - (a >> 8 & 0xFF)), Math.abs((g & 0xFF) - (a & 0xFF))));
                maxDelta = Math.max(maxDelta, delta);
                if (delta > TOLERANCE) {
                    differing++;
                    diff.setRGB(x, y, 0xE00000);
                } else {
                    diff.setRGB(x, y, faded(g));
                }
            }
        }
        return new Comparison(differing, maxDelta, false, diff);
    }

    /** The golden page washed out to a quarter of its contrast, so red differences stand out on it. */
    private static int faded(int rgb) {
        int r = 191 + (rgb >> 16 & 0xFF) / 4;
        int g = 191 + (rgb >> 8 & 0xFF) / 4;
        int b = 191 + (rgb & 0xFF) / 4;
        return r << 16 | g << 8 | b;
    }

    static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IOException("not a PNG: " + file);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden files of a folder, in page order. */
    static List<Path> goldens(Path dir) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "page-*.png")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    static void clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        for (Path file : goldens(dir)) {
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.{actual,diff}.png")) {
            for (Path file : stream) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
