package dev.brochure.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.Typesetter;
import dev.brochure.typeset.page.PageItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer draws every glyph exactly where typesetting put it. */
class PdfRendererTest {

    @TempDir
    Path temp;

    @Test
    void glyphsLandAtTheirTypesetPositions() throws IOException {
        TestProject project = TestProject.copy("minimal", temp);
        Typesetter.Result typeset = new Pipeline(Map.of()).typeset(project.request(temp.resolve("x.pdf")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PdfRenderer.render(typeset.document(), RenderOptions.screen(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                "test"), project.workspace(), bytes);
        Path pdf = Files.write(temp.resolve("out.pdf"), bytes.toByteArray());

        // Expected: the x of every non-space glyph on page 2, in points from the left edge.
        List<Double> expected = new ArrayList<>();
        for (PageItem item : typeset.document().pages().get(1).items()) {
            if (item instanceof PageItem.GlyphRun run) {
                for (int i = 0; i < run.glyphs().length; i++) {
                    if (!run.textOf(i).isBlank()) {
                        expected.add(run.x() + run.positions()[i]);
                    }
                }
            }
        }
        List<Double> actual = new ArrayList<>();
        try (PDDocument doc = PdfFiles.open(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    if (!text.getUnicode().isBlank()) {
                        actual.add((double) text.getXDirAdj());
                    }
                }
            };
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            stripper.getText(doc);
        }
        assertEquals(expected.size(), actual.size(), "one drawn glyph per typeset glyph");
        List<Double> sortedExpected = expected.stream().sorted().toList();
        List<Double> sortedActual = actual.stream().sorted().toList();
        for (int i = 0; i < sortedExpected.size(); i++) {
            assertEquals(sortedExpected.get(i), sortedActual.get(i), 0.02, "glyph " + i);
        }
    }

    @Test
    void metadataAndLanguageComeFromBrochureYaml() throws IOException {
        TestProject project = TestProject.copy("minimal", temp);
        Path pdf = temp.resolve("out.pdf");
        new Pipeline(Map.of()).build(project.request(pdf));
        try (PDDocument doc = PdfFiles.open(pdf)) {
            var info = doc.getDocumentInformation();
            assertEquals("Fixture Brochure", info.getTitle());
            assertEquals("Test Author", info.getAuthor());
            assertEquals("A brochure for tests", info.getSubject());
            assertEquals("alpha, beta", info.getKeywords());
            assertEquals("en-GB", doc.getDocumentCatalog().getLanguage());
            assertEquals(2024, info.getCreationDate().get(java.util.Calendar.YEAR));
            assertTrue(info.getCreator().startsWith("brochure"));
        }
    }
}
