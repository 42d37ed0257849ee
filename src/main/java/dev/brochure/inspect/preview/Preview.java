package dev.brochure.inspect.preview;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.inspect.PdfFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * {@code brochure preview}: renders pages of a PDF to PNG files ({@code page-001.png}, ...) and
 * a contact sheet ({@code contact-sheet.png}) of the same pages. The output folder holds the
 * last preview only: page images of an earlier preview that this one did not write are removed,
 * so a brochure that lost a page never shows a stale one. Each file is written whole (to a
 * temporary file first, then moved into place).
 */
public final class Preview {

    public static final String CONTACT_SHEET = "contact-sheet.png";
    private static final String PAGE_FILE = "page-\\d+\\.png";

    private Preview() {
    }

    public static PreviewResult write(Path pdf, PreviewOptions options) {
        return write(pdf, options, (done, total) -> { });
    }

    /** As {@link #write(Path, PreviewOptions)}, calling {@code pageDone} with (pages done, pages to do) after each page. */
    public static PreviewResult write(Path pdf, PreviewOptions options, java.util.function.BiConsumer<Integer, Integer> pageDone) {
        try (PDDocument document = PdfFiles.open(pdf)) {
            return write(document, pdf, options, pageDone);
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(pdf), "cannot close the PDF: " + e.getMessage(), null);
        }
    }

    private static PreviewResult write(PDDocument document, Path pdf, PreviewOptions options,
            java.util.function.BiConsumer<Integer, Integer> pageDone) {
        int count = document.getNumberOfPages();
        if (count == 0) {
            throw BrochureException.of(SourceLocation.of(pdf), "the PDF has no pages", null);
        }
        List<Integer> pages;
        try {
            pages = options.pages().pages(count);
        } catch (IllegalArgumentException e) {
            throw BrochureException.of(SourceLocation.of(pdf), e.getMessage(), "choose pages from 1 to " + count);
        }
        Path out = folder(options.outDir());
        PageRenderer renderer = new PageRenderer(document);
        ContactSheet sheet = sheetFor(document, pages, options.dpi());
        String pattern = "page-%0" + Math.max(3, String.valueOf(count).length()) + "d.png";
        List<Path> written = new ArrayList<>();
        for (int number : pages) {
            BufferedImage image;
            try {
                image = renderer.render(number, options.dpi());
            } catch (IOException | RuntimeException e) {
                throw BrochureException.of(SourceLocation.of(pdf), "cannot render page " + number + " (" + e.getMessage() + ")",
                        "the PDF may be damaged; 'brochure inspect' may say more");
            }
            Path file = out.resolve(String.format(Locale.ROOT, pattern, number));
            png(image, file);
            written.add(file);
            sheet.add(number, image);
            pageDone.accept(written.size(), pages.size());
        }
        Path contact = out.resolve(CONTACT_SHEET);
        png(sheet.draw(), contact);
        removeStale(out, written);
        return new PreviewResult(written, contact, count);
    }

    /** The sheet's scale comes from the largest selected page, measured before any page is rendered. */
    private static ContactSheet sheetFor(PDDocument document, List<Integer> pages, float dpi) {
        double width = 1;
        double height = 1;
        for (int number : pages) {
            PDPage page = document.getPage(number - 1);
            PDRectangle crop = page.getCropBox();
            boolean turned = page.getRotation() % 180 != 0;
            width = Math.max(width, (turned ? crop.getHeight() : crop.getWidth()) * dpi / 72);
            height = Math.max(height, (turned ? crop.getWidth() : crop.getHeight()) * dpi / 72);
        }
        return new ContactSheet(width, height);
    }

    private static Path folder(Path dir) {
        try {
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(dir), "cannot create the preview folder (" + e.getMessage() + ")",
                    "choose another folder with --out");
        }
    }

    private static void png(BufferedImage image, Path file) {
        Path temp = null;
        try {
            temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(file), "cannot write the preview (" + e.getMessage() + ")",
                    "check that the folder is writable and has free space");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray hidden temporary file is harmless
                }
            }
        }
    }

    private static void removeStale(Path out, List<Path> written) {
        Set<Path> keep = new HashSet<>(written);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(out, p -> p.getFileName().toString().matches(PAGE_FILE))) {
            for (Path file : files) {
                if (!keep.contains(file)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(out), "cannot remove old previews (" + e.getMessage() + ")", null);
        }
    }
}
