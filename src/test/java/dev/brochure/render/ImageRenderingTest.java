package dev.brochure.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.BuildResult;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestImages;
import dev.brochure.testing.TestProject;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of image the tool accepts comes out right on the page: the page is rendered with
 * PDFBox and the four quadrants of the test picture are sampled, so a wrong colour space, an
 * inverted CMYK, a lost palette or a sideways phone photo shows up as a wrong colour.
 */
class ImageRenderingTest {

    /** Upright size of the test pictures: portrait, so that a quarter turn is visible. */
    private static final int WIDTH = 80;
    private static final int HEIGHT = 120;

    @TempDir
    Path temp;

    /** A one-page brochure showing {@code image} whole, 40% of the page wide, on white. */
    private BufferedImage render(String name, byte[] image) throws IOException {
        TestProject project = TestProject.copy("minimal", temp)
                .write("brochure.yaml", "title: Images\nsections:\n  - sections/photo.yaml\n")
                .write("sections/photo.yaml", "layout: photo\nphoto: {src: images/" + name + ", alt: A test image}\n")
                .write("layouts/photo.schema.yaml", "fields:\n  photo: {type: image, required: true}\n")
                .write("layouts/photo.ftlx", "<section master=\"cover\"><page master=\"cover\">"
                        + "<frame x=\"20%\" y=\"10%\" width=\"40%\"><image src=\"${section.photo}\" fit=\"contain\"/>"
                        + "</frame></page></section>\n");
        Files.write(project.file("images/" + name), image);
        Path pdf = temp.resolve("out.pdf");
        BuildResult result = new Pipeline(Map.of()).build(project.request(pdf));
        assertEquals(1, result.pages());
        try (PDDocument doc = PdfFiles.open(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(0, 72);
        }
    }

    /** The smallest rectangle holding every pixel that is not white (the page's colour). */
    private static Rectangle drawn(BufferedImage page) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 250 || ((rgb >> 8) & 0xff) < 250 || (rgb & 0xff) < 250) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertTrue(maxX >= 0, "nothing was drawn");
        return new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static Color at(BufferedImage page, Rectangle box, double fx, double fy) {
        return TestImages.nearest(page.getRGB(box.x + (int) (box.width * fx), box.y + (int) (box.height * fy)));
    }

    /** The picture stands upright (portrait, like the original) with each colour in its quadrant. */
    private static void assertQuadrants(BufferedImage page, Color bottomRight) {
        Rectangle box = drawn(page);
        double aspect = (double) box.width / box.height;
        assertEquals((double) WIDTH / HEIGHT, aspect, 0.03, "upright proportions, drawn " + box);
        assertEquals(TestImages.TOP_LEFT, at(page, box, 0.25, 0.25), "top left");
        assertEquals(TestImages.TOP_RIGHT, at(page, box, 0.75, 0.25), "top right");
        assertEquals(TestImages.BOTTOM_LEFT, at(page, box, 0.25, 0.75), "bottom left");
        assertEquals(bottomRight, at(page, box, 0.75, 0.75), "bottom right");
    }

    private static BufferedImage upright() {
        return TestImages.quadrants(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void rgbJpeg() throws IOException {
        assertQuadrants(render("a.jpg", TestImages.jpeg(upright())), TestImages.BOTTOM_RIGHT);
    }

    @Test
    void progressiveJpeg() throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(upright(), null, null), param);
        }
        writer.dispose();
        assertQuadrants(render("p.jpg", bytes.toByteArray()), TestImages.BOTTOM_RIGHT);
    }

    @Test
    void cmykJpegAsPhotoshopAndImageMagickWriteIt() throws IOException {
        // 48x32 landscape quadrants, Adobe APP14 marker (YCCK, inverted), made with ImageMagick; see images/README.md.
        byte[] cmyk = Files.readAllBytes(TestProject.REPO.resolve("src/test/resources/images/cmyk-quadrants.jpg"));
        BufferedImage page = render("cmyk.jpg", cmyk);
        Rectangle box = drawn(page);
        assertEquals(1.5, (double) box.width / box.height, 0.05, "drawn " + box);
        assertEquals(TestImages.TOP_LEFT, at(page, box, 0.25, 0.25), "top left");
        assertEquals(TestImages.TOP_RIGHT, at(page, box, 0.75, 0.25), "top right");
        assertEquals(TestImages.BOTTOM_LEFT, at(page, box, 0.25, 0.75), "bottom left");
        assertEquals(TestImages.BOTTOM_RIGHT, at(page, box, 0.75, 0.75), "bottom right");
    }

    /** Each quadrant's rendered grey is the grey stored in the file (read from the raster, not converted). */
    private static void assertGreyTones(BufferedImage page, BufferedImage source, int maxSample) {
        Rectangle box = drawn(page);
        double[][] at = {{0.25, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}};
        for (double[] f : at) {
            int rgb = page.getRGB(box.x + (int) (box.width * f[0]), box.y + (int) (box.height * f[1]));
            int r = (rgb >> 16) & 0xff;
            int g = (rgb >> 8) & 0xff;
            int b = rgb & 0xff;
            assertTrue(Math.abs(r - g) < 4 && Math.abs(g - b) < 4, "grey, not colour: " + Integer.toHexString(rgb));
            int stored = source.getRaster().getSample((int) (WIDTH * f[0]), (int) (HEIGHT * f[1]), 0) * 255 / maxSample;
            assertEquals(stored, g, 8, "tone at " + f[0] + ", " + f[1]);
        }
    }

    @Test
    void greyJpegKeepsItsTones() throws IOException {
        BufferedImage grey = TestImages.grey(WIDTH, HEIGHT);
        assertGreyTones(render("g.jpg", TestImages.jpeg(grey)), grey, 255);
    }

    /**
     * A phone photo stored sideways (or mirrored) with an EXIF orientation is drawn upright, in
     * its upright proportions. The stored pixels are made from the upright picture by the
     * inverse of what each EXIF value means.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void exifOrientedJpegIsDrawnUpright(int orientation) throws IOException {
        BufferedImage upright = upright();
        boolean quarterTurn = orientation >= 5;
        int ws = quarterTurn ? HEIGHT : WIDTH;
        int hs = quarterTurn ? WIDTH : HEIGHT;
        BufferedImage stored = new BufferedImage(ws, hs, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < hs; r++) {
            for (int c = 0; c < ws; c++) {
                int[] xy = switch (orientation) {
                    case 1 -> new int[] {c, r};
                    case 2 -> new int[] {ws - 1 - c, r};
                    case 3 -> new int[] {ws - 1 - c, hs - 1 - r};
                    case 4 -> new int[] {c, hs - 1 - r};
                    case 5 -> new int[] {r, c};
                    case 6 -> new int[] {hs - 1 - r, c};
                    case 7 -> new int[] {hs - 1 - r, ws - 1 - c};
                    default -> new int[] {r, ws - 1 - c};
                };
                stored.setRGB(c, r, upright.getRGB(xy[0], xy[1]));
            }
        }
        byte[] jpeg = TestImages.withExifOrientation(TestImages.jpeg(stored), orientation);
        assertQuadrants(render("phone.jpg", jpeg), TestImages.BOTTOM_RIGHT);
    }

    @Test
    void rgbPng() throws IOException {
        assertQuadrants(render("a.png", TestImages.png(upright())), TestImages.BOTTOM_RIGHT);
    }

    @Test
    void palettePng() throws IOException {
        assertQuadrants(render("p.png", TestImages.png(TestImages.paletted(WIDTH, HEIGHT))), TestImages.BOTTOM_RIGHT);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sixteenBitPng(boolean alpha) throws IOException {
        assertQuadrants(render("s.png", TestImages.png(TestImages.sixteenBit(WIDTH, HEIGHT, alpha))),
                TestImages.BOTTOM_RIGHT);
    }

    @Test
    void sixteenBitGreyPng() throws IOException {
        BufferedImage grey = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_USHORT_GRAY);
        java.awt.Graphics2D g = grey.createGraphics();
        g.drawImage(upright(), 0, 0, null);
        g.dispose();
        assertGreyTones(render("g16.png", TestImages.png(grey)), grey, 65535);
    }

    @Test
    void pngWithAlphaShowsThePageThroughItsTransparentPart() throws IOException {
        BufferedImage page = render("alpha.png", TestImages.png(TestImages.quadrants(WIDTH, HEIGHT,
                BufferedImage.TYPE_INT_ARGB)));
        assertQuadrants(page, Color.WHITE);
    }

    @Test
    void interlacedPng() throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(upright(), null, null), param);
        }
        writer.dispose();
        byte[] png = bytes.toByteArray();
        assertEquals(1, png[8 + 8 + 12], "the PNG is interlaced");
        assertQuadrants(render("i.png", png), TestImages.BOTTOM_RIGHT);
    }
}
