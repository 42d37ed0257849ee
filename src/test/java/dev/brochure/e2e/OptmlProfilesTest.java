package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.BuildResult;
import dev.brochure.pipeline.OutputProfile;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.PlacedImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OPTML brochure under the email and print profiles (issue 6). */
class OptmlProfilesTest {

    @TempDir
    Path temp;

    private BuildResult build(OutputProfile profile) {
        return new Pipeline(Map.of()).build(BuildRequest.of(Path.of("brochure-content"), temp.resolve(profile.word() + ".pdf"))
                .withProfile(profile, false));
    }

    @Test
    void theEmailEditionIsUnderTwoMegabytesWithImagesAtMost150Ppi() throws Exception {
        BuildResult email = build(OutputProfile.EMAIL);
        assertTrue(email.bytes() < 2_000_000, "email edition: " + email.bytes() + " bytes");
        assertEquals(Files.size(email.output()), email.bytes());
        try (PDDocument doc = PdfFiles.open(email.output())) {
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (PlacedImages.Placed p : PlacedImages.on(page)) {
                    images++;
                    double ppi = Math.min(p.pixelWidth() / (p.bounds().getWidth() / 72),
                            p.pixelHeight() / (p.bounds().getHeight() / 72));
                    assertTrue(ppi <= 150.01, "at most 150 ppi: " + ppi);
                    assertTrue(ppi >= 72, "still sharp at 100% zoom: " + ppi);
                }
            }
            assertTrue(images >= 35, "every image is still there: " + images);
        }
    }

    @Test
    void thePrintEditionOnA4PassesTheStrictPreflightEvenWherePhotosGrowToTheFootOfTheirPage() {
        // Every image is placed at 300 ppi or more (the grown ones included): --strict raises nothing.
        BuildResult print = new Pipeline(Map.of()).build(BuildRequest.of(Path.of("brochure-content"),
                temp.resolve("strict.pdf")).withProfile(OutputProfile.PRINT, true));
        assertTrue(print.warnings().stream().noneMatch(w -> w.message().contains("ppi")), print.warnings().toString());
    }

    @Test
    void thePrintEditionRunsFullBleedArtIntoTheBleed() throws Exception {
        BuildResult print = build(OutputProfile.PRINT);
        try (PDDocument doc = PdfFiles.open(print.output())) {
            PDPage cover = doc.getPage(0);
            double bleedLeft = cover.getBleedBox().getLowerLeftX();
            double bleedTop = cover.getBleedBox().getUpperRightY();
            // The cover photo reaches the bleed box's left, top and right edges.
            assertTrue(PlacedImages.on(cover).stream().anyMatch(p -> p.bounds().getMinX() <= bleedLeft + 0.5
                    && p.bounds().getMaxY() >= bleedTop - 0.5), "cover photo bleeds");
        }
    }
}
