package dev.brochure.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.TestImages;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TypesetDocument;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A photo rewritten while a brochure is built (between the content stage's probe, which gave the
 * size the pages were laid out with, and the renderer's read) is refused with a clear message,
 * never drawn with the wrong proportions, under every profile, with and without the disk cache.
 */
class ImageChangedDuringBuildTest {

    @TempDir
    Path temp;

    private TestProject project;
    private TypesetDocument doc;
    private Path photo;

    @BeforeEach
    void laidOut() {
        project = TestProject.copy("minimal", temp);
        doc = new Pipeline(Map.of()).typeset(project.request(temp.resolve("unused.pdf"))).document();
        photo = project.file("images/landscape.jpg");
    }

    /** Renders as a new process would: nothing in memory (a new workspace). */
    private byte[] render(ImagePolicy policy, Path cache) {
        RenderOptions options = new RenderOptions(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "test",
                0, false, false, policy, cache);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRenderer.render(doc, options, project.workspace(), out);
        return out.toByteArray();
    }

    private PageItem.PlacedImage placed() {
        return doc.pages().stream().flatMap(p -> p.items().stream()).filter(PageItem.PlacedImage.class::isInstance)
                .map(PageItem.PlacedImage.class::cast).filter(i -> i.image().path().endsWith("landscape.jpg"))
                .findFirst().orElseThrow();
    }

    /** The photo rewritten in place with a picture of another size, as an editor saving over it would. */
    private void rewrite(int width, int height) throws Exception {
        Files.write(photo, TestImages.jpeg(TestImages.quadrants(width, height, BufferedImage.TYPE_INT_RGB)));
        Files.setLastModifiedTime(photo, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    }

    private static final ImagePolicy SCREEN = new ImagePolicy(200, 0.9f, false);

    @Test
    void aPhotoOfAnotherSizeIsRefusedUnderEveryProfile() throws Exception {
        PageItem.PlacedImage placed = placed();
        int w = placed.image().pixelWidth();
        int h = placed.image().pixelHeight();
        rewrite(h, w); // turned: the aspect ratio the pages were laid out for no longer holds
        for (ImagePolicy policy : new ImagePolicy[] {SCREEN, ImagePolicy.ORIGINAL, new ImagePolicy(150, 0.8f, true)}) {
            BrochureException e = assertThrows(BrochureException.class, () -> render(policy, null), policy.toString());
            String message = e.diagnostics().getFirst().message();
            assertTrue(message.contains("image 'images/landscape.jpg' changed while the brochure was being built: it is"
                    + " now a JPEG of " + h + " x " + w + " pixels, but the pages were laid out for a JPEG of " + w
                    + " x " + h), message);
            assertEquals(dev.brochure.vocab.SourceLocation.of(photo), e.diagnostics().getFirst().where());
        }
    }

    @Test
    void aDiskCacheEntryOfTheOldPhotoIsNotUsedForTheNewOne() throws Exception {
        Path cache = temp.resolve("cache");
        render(SCREEN, cache); // entries for the photo as it was laid out
        PageItem.PlacedImage placed = placed();
        rewrite(placed.image().pixelHeight(), placed.image().pixelWidth());
        BrochureException e = assertThrows(BrochureException.class, () -> render(SCREEN, cache));
        assertTrue(e.diagnostics().getFirst().message().contains("changed while the brochure was being built"));
    }

    @Test
    void aPhotoCutShortWhileBeingWrittenIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(photo);
        Files.write(photo, Arrays.copyOf(bytes, bytes.length / 2));
        BrochureException e = assertThrows(BrochureException.class, () -> render(ImagePolicy.ORIGINAL, null));
        String message = e.diagnostics().getFirst().message();
        assertTrue(message.contains("changed while the brochure was being built: it is no longer an image brochure can"
                + " use: the JPEG file ends early (it is truncated)"), message);
    }

    @Test
    void anotherPictureOfTheSameSizeIsEmbeddedAsItIsNow() throws Exception {
        PageItem.PlacedImage placed = placed();
        int w = placed.image().pixelWidth();
        int h = placed.image().pixelHeight();
        byte[] before = render(ImagePolicy.ORIGINAL, null);
        rewrite(w, h);
        byte[] after = render(ImagePolicy.ORIGINAL, null);
        // The pages fit it as well as the old one: the new picture is embedded whole, at its own size.
        try (PDDocument pdf = Loader.loadPDF(after)) {
            boolean found = false;
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image && image.getWidth() == w
                            && image.getHeight() == h) {
                        found = true;
                    }
                }
            }
            assertTrue(found, "the new picture is embedded at " + w + " x " + h);
        }
        assertTrue(!Arrays.equals(before, after), "and it is the new picture");
    }
}
