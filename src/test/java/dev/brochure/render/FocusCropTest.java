package dev.brochure.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestImages;
import dev.brochure.testing.TestProject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A portrait cropped to a wide frame keeps what its {@code focus} names (issue 14: a portrait
 * lost the top of the head). The picture's top half is red and green, its bottom half blue and
 * yellow; the frame shows a third of its height. The page is built as the tool builds it (the
 * screen profile embeds only the visible part) and rendered with PDFBox.
 */
class FocusCropTest {

    @TempDir
    Path temp;

    private Set<Color> colours(String focus) throws IOException {
        TestProject project = TestProject.copy("minimal", temp.resolve(focus.isEmpty() ? "none" : focus.replace('%', 'p')
                .replace(' ', '_')))
                .write("brochure.yaml", "title: Focus\nsections:\n  - sections/photo.yaml\n")
                .write("sections/photo.yaml", "layout: photo\nphoto: images/person.jpg\nfocus: \"" + focus + "\"\n")
                .write("layouts/photo.schema.yaml", "fields:\n  photo: {type: image, required: true}\n  focus: plain\n")
                .write("layouts/photo.ftlx", "<section master=\"cover\"><page master=\"cover\">"
                        + "<frame x=\"20%\" y=\"10%\" width=\"60%\"><image src=\"${section.photo}\" aspect=\"2:1\" "
                        + "focus=\"${section.focus}\"/></frame></page></section>\n");
        Files.write(project.file("images/person.jpg"),
                TestImages.jpeg(TestImages.quadrants(300, 450, BufferedImage.TYPE_INT_RGB)));
        Path pdf = project.content().resolve("out.pdf");
        new Pipeline(Map.of()).build(project.request(pdf));
        try (PDDocument doc = PdfFiles.open(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            // Inside the frame (page width 595pt: x 20%..80%; y from 10% of 842pt, 179pt tall), away from its edges.
            Set<Color> seen = new HashSet<>();
            for (int y = 90; y < 84 + 175; y += 4) {
                for (int x = 125; x < 470; x += 4) {
                    seen.add(TestImages.nearest(page.getRGB(x, y)));
                }
            }
            return seen;
        }
    }

    @Test
    void aFocusAtTheTopKeepsTheTopOfThePicture() throws IOException {
        Set<Color> top = colours("top");
        assertEquals(Set.of(TestImages.TOP_LEFT, TestImages.TOP_RIGHT), top, "only the top half shows");
        Set<Color> twenty = colours("50% 20%");
        assertEquals(Set.of(TestImages.TOP_LEFT, TestImages.TOP_RIGHT), twenty,
                "20% down: a fifth of the cut from the top, the bottom half still out of view");
        Set<Color> bottom = colours("bottom");
        assertEquals(Set.of(TestImages.BOTTOM_LEFT, TestImages.BOTTOM_RIGHT), bottom);
        Set<Color> centre = colours("");
        assertTrue(centre.contains(TestImages.TOP_LEFT) && centre.contains(TestImages.BOTTOM_LEFT),
                "without a focus the middle shows, where the halves meet: " + centre);
    }
}
