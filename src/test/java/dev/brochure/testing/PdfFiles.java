package dev.brochure.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reading produced PDFs in tests, with PDFBox. */
public final class PdfFiles {

    private PdfFiles() {
    }

    public static PDDocument open(Path pdf) {
        try {
            return Loader.loadPDF(pdf.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * No-break spaces as plain spaces: typographic normalisation puts them where a line must not
     * break (after "Dr.", between a number and its unit), and they extract as U+00A0.
     */
    public static String spaces(String text) {
        return text.replace('\u00A0', ' ');
    }

    /** The document's text with runs of whitespace (no-break spaces included) collapsed to one space. */
    public static String text(PDDocument doc) {
        try {
            return spaces(new PDFTextStripper().getText(doc)).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pageText(PDDocument doc, int pageNumber) {
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pageNumber);
            stripper.setEndPage(pageNumber);
            return spaces(stripper.getText(doc)).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every font used by any page. */
    public static List<PDFont> fonts(PDDocument doc) {
        List<PDFont> fonts = new ArrayList<>();
        try {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fonts;
    }

    /** The URIs and destinations of every link annotation, in page order. */
    public static List<PDAnnotationLink> links(PDDocument doc) {
        List<PDAnnotationLink> links = new ArrayList<>();
        try {
            for (PDPage page : doc.getPages()) {
                for (PDAnnotation a : page.getAnnotations()) {
                    if (a instanceof PDAnnotationLink link) {
                        links.add(link);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return links;
    }
}
