package dev.brochure.inspect.preview;

import dev.brochure.diag.BrochureException;
import dev.brochure.inspect.PdfFiles;
import dev.brochure.vocab.SourceLocation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF's pages as PNG images in memory with the text each shows, for {@code brochure watch}'s
 * page (the text becomes each image's description, so the page is readable without the images).
 */
public final class LivePages {

    /** One page: its number (from 1), its image as PNG bytes, and its text. */
    public record Page(int number, byte[] png, String text) {
    }

    /** The most pages shown; a longer brochure shows its first pages. */
    public static final int MAX_PAGES = 200;

    private LivePages() {
    }

    public static List<Page> render(Path pdf, float dpi) {
        try (PDDocument document = PdfFiles.open(pdf)) {
            PageRenderer renderer = new PageRenderer(document);
            PDFTextStripper stripper = new PDFTextStripper();
            List<Page> pages = new ArrayList<>();
            int count = Math.min(MAX_PAGES, document.getNumberOfPages());
            for (int number = 1; number <= count; number++) {
                BufferedImage image = renderer.render(number, dpi);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                stripper.setStartPage(number);
                stripper.setEndPage(number);
                pages.add(new Page(number, png.toByteArray(), stripper.getText(document).strip()));
            }
            return List.copyOf(pages);
        } catch (IOException | RuntimeException e) {
            throw BrochureException.of(SourceLocation.of(pdf), "cannot render the preview: " + e.getMessage(),
                    "the PDF may be damaged; 'brochure inspect' may say more");
        }
    }
}
