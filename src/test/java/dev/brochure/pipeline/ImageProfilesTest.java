package dev.brochure.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.PlacedImages;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Screen and email profiles resample images; a size budget lowers them until the PDF fits. */
class ImageProfilesTest {

    @TempDir
    Path temp;

    private Path build(OutputProfile profile, long maxSize) {
        Path pdf = temp.resolve(profile.word() + maxSize + ".pdf");
        TestProject project = TestProject.copy("minimal", temp);
        new Pipeline(Map.of()).build(project.request(pdf).withProfile(profile, false).withMaxSize(maxSize));
        return pdf;
    }

    /** The highest effective resolution of any image in the file. */
    private static double maxPpi(Path pdf) {
        double max = 0;
        try (PDDocument doc = PdfFiles.open(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (PlacedImages.Placed p : PlacedImages.on(page)) {
                    max = Math.max(max, p.pixelWidth() / (p.bounds().getWidth() / 72));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return max;
    }

    private static String firstImageFilterAndBytes(Path pdf) throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            PDPage cover = doc.getPage(0);
            for (COSName name : cover.getResources().getXObjectNames()) {
                if (cover.getResources().getXObject(name) instanceof PDImageXObject image) {
                    try (InputStream raw = image.getCOSObject().createRawInputStream()) {
                        return image.getCOSObject().getCOSName(COSName.FILTER).getName() + " "
                                + new String(raw.readAllBytes(), StandardCharsets.ISO_8859_1);
                    }
                }
            }
        }
        throw new AssertionError("no image on the cover");
    }

    @Test
    void printKeepsEveryPixelAndTheOriginalFile() throws IOException {
        Path pdf = build(OutputProfile.PRINT, 0);
        try (PDDocument doc = PdfFiles.open(pdf)) {
            assertEquals(1200, PlacedImages.on(doc.getPage(0)).getFirst().pixelWidth());
        }
        assertTrue(firstImageFilterAndBytes(pdf).contains("fixture-metadata"), "embedded byte for byte");
    }

    @Test
    void screenAndEmailCapTheEffectiveResolution() {
        double screen = maxPpi(build(OutputProfile.SCREEN, 0));
        assertTrue(screen <= 200.5);
        double email = maxPpi(build(OutputProfile.EMAIL, 0));
        assertTrue(email <= 150.5);
        // No lower than needed: 150 ppi, or all the picture has where it is placed larger (the
        // article's photo grows to the foot of its page), which the screen edition keeps.
        assertTrue(email >= Math.min(140, screen - 0.5), "but no lower than needed: " + email + " vs " + screen);
    }

    @Test
    void emailReencodesPhotosAsJpegWithoutTheirMetadata() throws IOException {
        String image = firstImageFilterAndBytes(build(OutputProfile.EMAIL, 0));
        assertTrue(image.startsWith("DCTDecode "), image.substring(0, 20));
        assertFalse(image.contains("fixture-metadata"), "the JPEG comment is gone");
    }

    @Test
    void emailIsSmallerThanScreen() throws IOException {
        assertTrue(Files.size(build(OutputProfile.EMAIL, 0)) < Files.size(build(OutputProfile.SCREEN, 0)));
    }

    @Test
    void aSizeBudgetIsMetWhenItCanBe() throws IOException {
        long unconstrained = Files.size(build(OutputProfile.SCREEN, 0));
        long budget = unconstrained * 2 / 3;
        Path pdf = build(OutputProfile.SCREEN, budget);
        assertTrue(Files.size(pdf) <= budget, Files.size(pdf) + " <= " + budget);
    }

    @Test
    void aBudgetTheProfileAlreadyMeetsChangesNothing() throws IOException {
        Path free = build(OutputProfile.PRINT, 0);
        Path budgeted = build(OutputProfile.PRINT, Files.size(free) + 1000);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(free), Files.readAllBytes(budgeted)),
                "the full-resolution print edition is kept when it fits");
    }

    @Test
    void anImpossibleBudgetFailsNamingTheSmallestSizeReachedAndWritesNothing() {
        BrochureException e = assertThrows(BrochureException.class, () -> build(OutputProfile.EMAIL, 1000));
        String message = e.diagnostics().getFirst().message();
        assertTrue(message.startsWith("cannot fit the PDF in 1 kB: the smallest it reached is "), message);
        assertFalse(Files.exists(temp.resolve("email1000.pdf")));
    }
}
