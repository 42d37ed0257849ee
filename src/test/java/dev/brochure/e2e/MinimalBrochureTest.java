package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.BuildResult;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.PlacedImages;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the minimal fixture brochure end to end and reads the PDF back with PDFBox. */
class MinimalBrochureTest {

    @TempDir
    static Path temp;

    static Path pdf;
    static BuildResult result;

    @BeforeAll
    static void build() {
        TestProject project = TestProject.copy("minimal", temp);
        pdf = temp.resolve("out/brochure.pdf");
        result = new Pipeline(Map.of()).build(project.request(pdf));
    }

    @Test
    void theResultDescribesTheFileWritten() throws IOException {
        assertEquals(2, result.pages());
        assertEquals(Files.size(pdf), result.bytes());
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    }

    @Test
    void everyTextOfTheContentIsInThePdfInOrder() {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            String text = PdfFiles.text(doc);
            List<String> expected = List.of("Fixture Brochure", "A tagline in italics", "SOMEWHERE, EARTH",
                    "CHAPTER ONE", "The Story So Far", "An introduction with bold words and italic words.",
                    "First highlight", "Second highlight", "A landscape, cropped to fill its frame.",
                    "Visit https://example.org/start or write to someone@example.org for more.",
                    "A second paragraph closes the story.");
            int from = 0;
            for (String unit : expected) {
                int at = text.indexOf(unit, from);
                assertTrue(at >= 0, "'" + unit + "' in order in: " + text);
                from = at + unit.length();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyFontIsEmbeddedAndSubset() throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            List<PDFont> fonts = PdfFiles.fonts(doc);
            assertTrue(fonts.size() >= 4, "serif and sans faces: " + fonts.size());
            for (PDFont font : fonts) {
                assertTrue(font.isEmbedded(), font.getName());
                assertTrue(font.getName().matches("[A-Z]{6}\\+.+"), "subset: " + font.getName());
                assertTrue(font instanceof PDType0Font, "Identity-H composite font: " + font.getName());
            }
        }
    }

    @Test
    void imagesAreDrawnWhereTheLayoutPutThem() throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            var cover = PlacedImages.on(doc.getPage(0));
            assertEquals(1, cover.size());
            // The cover photo fills the top 60% of the page: it is cropped at the sides, and only the
            // visible part is kept (the 1200 px wide photo is wider than the page in proportion).
            float pageWidth = doc.getPage(0).getMediaBox().getWidth();
            float pageHeight = doc.getPage(0).getMediaBox().getHeight();
            assertEquals(pageWidth, cover.getFirst().bounds().getWidth(), 0.5);
            assertEquals(pageHeight * 0.6, cover.getFirst().bounds().getHeight(), 0.5);
            assertTrue(cover.getFirst().pixelWidth() < 1200, "cropped: " + cover.getFirst().pixelWidth());
            assertEquals(1, PlacedImages.on(doc.getPage(1)).size());
        }
    }

    @Test
    void addressesAreLinkAnnotations() throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            List<String> uris = PdfFiles.links(doc).stream().map(PDAnnotationLink::getAction)
                    .filter(PDActionURI.class::isInstance).map(a -> ((PDActionURI) a).getURI()).toList();
            assertEquals(List.of("https://example.org/start", "mailto:someone@example.org"), uris);
        }
    }

    @Test
    void bookmarksListTheSections() throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            var outline = doc.getDocumentCatalog().getDocumentOutline();
            List<String> titles = new java.util.ArrayList<>();
            outline.children().forEach(item -> titles.add(item.getTitle()));
            assertEquals(List.of("Cover", "The Story So Far"), titles);
        }
    }

    @Test
    void theSameContentGivesTheSameDates() throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            var created = doc.getDocumentInformation().getCreationDate();
            assertEquals(2024, created.get(java.util.Calendar.YEAR));
            assertEquals(java.util.Calendar.MAY, created.get(java.util.Calendar.MONTH));
            assertEquals(6, created.get(java.util.Calendar.DAY_OF_MONTH));
        }
    }
}
