package dev.brochure.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintProfileTest {

    private static final double MM = 72 / 25.4;

    @TempDir
    Path temp;

    private BuildResult build(OutputProfile profile, boolean strict, Path pdf) {
        TestProject project = TestProject.copy("minimal", temp);
        return new Pipeline(Map.of()).build(project.request(pdf).withProfile(profile, strict));
    }

    @Test
    void trimBoxSitsInsideTheBleedBoxByThreeMillimetresAndTheMediaBoxAroundBoth() throws Exception {
        Path pdf = temp.resolve("print.pdf");
        build(OutputProfile.PRINT, false, pdf);
        try (PDDocument doc = PdfFiles.open(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDRectangle trim = page.getTrimBox();
                PDRectangle bleed = page.getBleedBox();
                PDRectangle media = page.getMediaBox();
                assertEquals(595.28, trim.getWidth(), 0.05, "A4 trim width");
                assertEquals(841.89, trim.getHeight(), 0.05, "A4 trim height");
                assertEquals(3 * MM, trim.getLowerLeftX() - bleed.getLowerLeftX(), 0.01);
                assertEquals(3 * MM, trim.getLowerLeftY() - bleed.getLowerLeftY(), 0.01);
                assertEquals(3 * MM, bleed.getUpperRightX() - trim.getUpperRightX(), 0.01);
                assertEquals(3 * MM, bleed.getUpperRightY() - trim.getUpperRightY(), 0.01);
                assertTrue(media.getLowerLeftX() < bleed.getLowerLeftX() && media.getLowerLeftY() < bleed.getLowerLeftY()
                        && media.getUpperRightX() > bleed.getUpperRightX()
                        && media.getUpperRightY() > bleed.getUpperRightY(), "room for crop marks outside the bleed");
            }
        }
    }

    @Test
    void screenOutputHasNoBleed() throws Exception {
        Path pdf = temp.resolve("screen.pdf");
        build(OutputProfile.SCREEN, false, pdf);
        try (PDDocument doc = PdfFiles.open(pdf)) {
            PDPage page = doc.getPage(0);
            assertEquals(page.getMediaBox().getWidth(), page.getTrimBox().getWidth(), 0.01);
            assertEquals(595.28, page.getMediaBox().getWidth(), 0.05);
        }
    }

    @Test
    void aLowResolutionImageIsAWarningNamingImageAndPage() {
        BuildResult result = build(OutputProfile.PRINT, false, temp.resolve("print.pdf"));
        Diagnostic warning = result.warnings().stream().filter(d -> d.message().contains("ppi")).findFirst()
                .orElseThrow();
        assertFalse(warning.isError());
        assertTrue(warning.message().contains("'images/landscape.jpg' is placed on page 1"), warning.message());
        assertTrue(warning.message().contains("below 300 ppi"), warning.message());
        // Located at the YAML line that places it (the cover's photo), not at the image file.
        assertTrue(warning.where().file().endsWith("sections/cover.yaml"), warning.where().toString());
        assertEquals(6, warning.where().line(), warning.where().toString());
        assertTrue(warning.format().contains("cover.yaml:6:"), warning.format());
    }

    @Test
    void withStrictItIsAnErrorAndNoPdfIsWritten() {
        Path pdf = temp.resolve("strict.pdf");
        BrochureException e = assertThrows(BrochureException.class, () -> build(OutputProfile.PRINT, true, pdf));
        assertTrue(e.diagnostics().stream().allMatch(Diagnostic::isError));
        assertTrue(e.diagnostics().getFirst().message().contains("page 1"), e.getMessage());
        assertFalse(Files.exists(pdf));
    }
}
