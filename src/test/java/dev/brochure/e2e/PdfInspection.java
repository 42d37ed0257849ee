package dev.brochure.e2e;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Reads a finished brochure the way a reader or a print shop would: its text (in reading
 * order, and with the position of every character), and every image drawn on every page with
 * the area it covers. All rectangles are in points, y growing downwards from the page's top.
 */
final class PdfInspection implements AutoCloseable {

    /** An image drawn on a page: the visible area (clipped) and the SHA-256 of its JPEG bytes. */
    record PlacedImage(int page, Rectangle2D area, String sha256) {
    }

    /** A stretch of text found on a page, with the box around its characters. */
    record Found(int page, Rectangle2D box) {
    }

    final PDDocument document;

    private PdfInspection(PDDocument document) {
        this.document = document;
    }

    static PdfInspection open(Path pdf) throws IOException {
        return new PdfInspection(Loader.loadPDF(pdf.toFile()));
    }

    int pages() {
        return document.getNumberOfPages();
    }

    /** The document's text as PDFBox extracts it, page after page. */
    String text() throws IOException {
        return new PDFTextStripper().getText(document);
    }

    String text(int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        return stripper.getText(document);
    }

    /** Every character shown on page {@code page} (0-based), in content-stream order. */
    List<TextPosition> characters(int page) throws IOException {
        List<TextPosition> out = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                out.add(text);
            }
        };
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        stripper.getText(document);
        return out;
    }

    /** The first place {@code wanted} is shown (compared in {@link #compact} form), or null. */
    Found find(String wanted) throws IOException {
        String needle = compact(wanted);
        for (int p = 0; p < pages(); p++) {
            List<TextPosition> chars = characters(p);
            StringBuilder text = new StringBuilder();
            List<Integer> owner = new ArrayList<>();
            for (int i = 0; i < chars.size(); i++) {
                String u = chars.get(i).getUnicode() == null ? "" : compact(chars.get(i).getUnicode());
                text.append(u);
                for (int k = 0; k < u.length(); k++) {
                    owner.add(i);
                }
            }
            int at = text.indexOf(needle);
            if (at >= 0) {
                Rectangle2D box = null;
                for (int i = owner.get(at); i <= owner.get(at + needle.length() - 1); i++) {
                    TextPosition t = chars.get(i);
                    Rectangle2D r = new Rectangle2D.Double(t.getXDirAdj(), t.getYDirAdj() - t.getHeightDir(),
                            t.getWidthDirAdj(), t.getHeightDir());
                    box = box == null ? r : box.createUnion(r);
                }
                return new Found(p, box);
            }
        }
        return null;
    }

    /** Every image drawn in the document, page by page. */
    List<PlacedImage> images() throws IOException {
        List<PlacedImage> out = new ArrayList<>();
        for (int p = 0; p < pages(); p++) {
            PDPage page = document.getPage(p);
            float pageHeight = page.getMediaBox().getHeight();
            int index = p;
            new ClipFollowingEngine(page) {
                @Override
                public void drawImage(PDImage image) throws IOException {
                    Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                    Rectangle2D drawn = new Rectangle2D.Double(ctm.getTranslateX(), ctm.getTranslateY(),
                            ctm.getScalingFactorX(), ctm.getScalingFactorY());
                    Rectangle2D clip = getGraphicsState().getCurrentClippingPath().getBounds2D();
                    Rectangle2D visible = drawn.createIntersection(clip);
                    Rectangle2D yDown = new Rectangle2D.Double(visible.getX(),
                            pageHeight - visible.getY() - visible.getHeight(), visible.getWidth(), visible.getHeight());
                    out.add(new PlacedImage(index, yDown, jpegHash(image)));
                }
            }.processPage(page);
        }
        return out;
    }

    /** The SHA-256 of a JPEG image's bytes as embedded (DCTDecode keeps the file's bytes); else null. */
    private static String jpegHash(PDImage image) throws IOException {
        if (!(image instanceof PDImageXObject x) || !"jpg".equals(x.getSuffix())) {
            return null;
        }
        try (InputStream in = x.getCOSObject().createRawInputStream()) {
            return sha256(in.readAllBytes());
        }
    }

    static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #normalise}d text without any whitespace, for matching text character by character. */
    static String compact(String text) {
        return normalise(text).replace(" ", "");
    }

    private static final Pattern LINE_END_HYPHEN = Pattern.compile("-[ \\t]*\\R\\s*");

    /**
     * Text made comparable across typographic refinements: curly quotes, dashes, ellipses and
     * no-break spaces become their plain forms, list bullets (decoration, not text) are dropped, words hyphenated at a line end are joined, every
     * remaining hyphen is dropped (so a hyphen the line breaker or a hyphenator added, or a
     * compound broken after its hyphen, compares equal), and whitespace runs become one space.
     */
    static String normalise(String text) {
        String t = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2013', '-').replace('\u2014', '-').replace("\u2026", "...").replace('\u00A0', ' ')
                .replace('\u202F', ' ').replace("\u00AD", "").replace("\u2022", "");
        t = LINE_END_HYPHEN.matcher(t).replaceAll("");
        t = t.replace("-", "");
        return t.replaceAll("\\s+", " ").strip();
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
