package dev.brochure.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestImages;
import dev.brochure.testing.TestProject;
import dev.brochure.world.Workspace;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process, one pipeline, one build context, two builds: a font file, an image and a layout
 * template are replaced between them, and the second PDF shows each change. Each file is given
 * back its old modification time, as {@code cp -p} or an archive would, so only its size tells
 * the context that it changed.
 */
class RebuildTest {

    @TempDir
    Path temp;

    private Path content;

    private void write(String relative, byte[] bytes) throws IOException {
        Path file = temp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private void write(String relative, String text) throws IOException {
        write(relative, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Replaces a file, keeping its modification time. */
    private void replace(String relative, byte[] bytes) throws IOException {
        Path file = temp.resolve(relative);
        FileTime time = Files.getLastModifiedTime(file);
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, time);
    }

    private static byte[] png(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return TestImages.png(image);
    }

    /** A project whose theme sets body text in its own fonts/Body.ttf, and whose layout shows a photo. */
    private void project() throws IOException {
        content = temp.resolve("brochure-content");
        write("brochure-content/brochure.yaml", "title: Rebuild\ntheme: t\nsections:\n  - sections/note.yaml\n");
        write("brochure-content/themes/t.yaml", "extends: default\nfonts:\n  serif:\n    regular: fonts/Body.ttf\n");
        write("brochure-content/layouts/note.schema.yaml", "fields:\n  text: text\n  photo: image\n");
        write("brochure-content/layouts/note.ftlx", """
                <section master="body">
                  <p>Template version one.</p>
                  <p>${section.text}</p>
                  <image src="${section.photo}" width="60mm"/>
                </section>
                """);
        write("brochure-content/sections/note.yaml", "layout: note\ntext: Plain words in the body face.\n"
                + "photo: images/photo.png\n");
        write("images/photo.png", png(40, 30, Color.RED));
        write("fonts/Body.ttf", Files.readAllBytes(TestProject.FONTS.resolve("Vollkorn-Regular.ttf")));
    }

    private record Seen(String text, List<String> fonts, int imageWidth, int imageHeight, Color imageColor,
            float widthOfO) {
    }

    private static Seen read(Path pdf) throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            List<String> fonts = new ArrayList<>();
            float widthOfO = 0;
            for (PDFont font : PdfFiles.fonts(doc)) {
                String name = font.getName().replaceFirst("^[A-Z]{6}\\+", "");
                fonts.add(name);
                if (name.startsWith("Vollkorn")) {
                    widthOfO = font.getStringWidth("o");
                }
            }
            PDPage page = doc.getPage(0);
            PDImageXObject image = null;
            PDResources resources = page.getResources();
            for (COSName name : resources.getXObjectNames()) {
                PDXObject object = resources.getXObject(name);
                if (object instanceof PDImageXObject i) {
                    image = i;
                }
            }
            assertTrue(image != null, "the photo is on the page");
            BufferedImage pixels = image.getImage();
            return new Seen(PdfFiles.text(doc), fonts, image.getWidth(), image.getHeight(),
                    new Color(pixels.getRGB(pixels.getWidth() / 2, pixels.getHeight() / 2)), widthOfO);
        }
    }

    @Test
    void aFontAnImageAndATemplateChangedBetweenTwoBuildsAreAllSeenInTheSecond() throws IOException {
        project();
        Pipeline pipeline = new Pipeline(Map.of());
        BuildRequest first = BuildRequest.of(content, temp.resolve("out/first.pdf"));
        BuildRequest second = BuildRequest.of(content, temp.resolve("out/second.pdf"));

        pipeline.build(first);
        Seen before = read(first.output());
        assertTrue(before.text().contains("Template version one."), before.text());
        assertTrue(before.fonts().contains("Vollkorn-Regular"), before.fonts().toString());
        assertEquals(40, before.imageWidth());
        assertEquals(30, before.imageHeight());
        assertEquals(Color.RED, TestImages.nearest(before.imageColor().getRGB()));

        replace("fonts/Body.ttf", Files.readAllBytes(TestProject.REPO.resolve("fonts/Vollkorn-SemiBold.ttf")));
        replace("images/photo.png", png(80, 60, Color.BLUE));
        String template = Files.readString(content.resolve("layouts/note.ftlx"));
        replace("brochure-content/layouts/note.ftlx", template.replace("Template version one.",
                "The template, edited while the process ran.").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Workspace workspace = pipeline.workspace(first);
        pipeline.build(second);
        assertSame(workspace, pipeline.workspace(second), "both builds ran in one build context");
        Seen after = read(second.output());
        assertTrue(after.text().contains("The template, edited while the process ran."), after.text());
        assertFalse(after.text().contains("Template version one."), after.text());
        assertTrue(after.fonts().contains("Vollkorn-SemiBold"), "the new font is embedded: " + after.fonts());
        assertFalse(after.fonts().contains("Vollkorn-Regular"), "the old one is not: " + after.fonts());
        assertNotEquals(before.widthOfO(), after.widthOfO(), "the new font's widths are recorded");
        assertEquals(80, after.imageWidth());
        assertEquals(60, after.imageHeight());
        assertEquals(Color.BLUE, TestImages.nearest(after.imageColor().getRGB()));
    }

    @Test
    void aRebuildOfUnchangedFilesIsTheSameBytes() throws IOException {
        project();
        Pipeline pipeline = new Pipeline(Map.of());
        Path a = temp.resolve("out/a.pdf");
        Path b = temp.resolve("out/b.pdf");
        pipeline.build(BuildRequest.of(content, a));
        pipeline.build(BuildRequest.of(content, b));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)));
    }
}
