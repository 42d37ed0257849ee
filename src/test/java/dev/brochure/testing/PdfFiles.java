package dev.brochure.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
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

    /** Every font used by any page (one entry per page that uses it). */
    public static List<PDFont> fonts(PDDocument doc) {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            fonts.addAll(fonts(page));
        }
        return fonts;
    }

    /** The fonts a page's content can draw with: its own resources' and those of the forms it uses, each once. */
    public static List<PDFont> fonts(PDPage page) {
        Map<COSBase, PDFont> fonts = new LinkedHashMap<>();
        try {
            collectFonts(page.getResources(), fonts, new HashSet<>());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(fonts.values());
    }

    private static void collectFonts(PDResources resources, Map<COSBase, PDFont> fonts, Set<COSBase> seen)
            throws IOException {
        if (resources == null || !seen.add(resources.getCOSObject())) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            fonts.putIfAbsent(font.getCOSObject(), font);
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) {
                collectFonts(form.getResources(), fonts, seen);
            }
        }
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
