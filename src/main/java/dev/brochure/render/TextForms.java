package dev.brochure.render;

import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.text.DocumentException;
import org.openpdf.text.ImgRaw;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfIndirectReference;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfRectangle;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Writes a page's text: the text operators of consecutive glyph runs go into one form XObject
 * whose resources name the document's own fonts ({@link DocumentFonts}), drawn on the page where
 * the runs stood among the other items, so the stacking order is kept.
 *
 * <p>Why a form: OpenPDF adds a font to a page's resources only for its own font classes, which
 * would write the font objects themselves. A form XObject carries its own resources, and OpenPDF
 * draws an XObject made elsewhere through {@link org.openpdf.text.Image#setDirectReference} (its
 * supported way to reuse an existing XObject): {@code q 1 0 0 1 0 0 cm /imgN Do Q}. The form's
 * space is the page's, so the operators inside use page coordinates.
 *
 * <p>Tagging: each run's text is a marked-content sequence of the structure element its tag
 * names ({@code /P <</MCID 0>> BDC … EMC}), consecutive runs of one element sharing one sequence,
 * or an artifact ({@code /Artifact <</Type /Pagination …>> BDC}); a form with marked content has
 * its own {@code StructParents} entry, and each element learns where its content is
 * ({@link StructureTree#formContent}). On a line of right-to-left text, drawn in visual order,
 * runs of one element drawn one after the other share a sequence only while the text it shows
 * stays one unbroken stretch in reading order ({@link PageItem.GlyphRun#reading()}): the
 * structure tree puts the sequences in the order they are read.
 */
final class TextForms {

    private final PdfContentByte cb;
    private final PdfWriter writer;
    private final DocumentFonts fonts;
    private final StructureTree tree;
    private final Colors colors;
    private final float width;
    private final float height;
    private final StringBuilder content = new StringBuilder(4096);
    private final Map<String, PdfIndirectReference> used = new LinkedHashMap<>();
    /** The element of each marked-content sequence of this form, by MCID. */
    private final List<Integer> owners = new ArrayList<>();
    /** The tag of the sequence open in this form (null: none). */
    private Tag open;
    /** The sequence open, as its element's kid, and the runs it holds in reading order (first, last; -1: not numbered). */
    private StructureTree.Marked marked;
    private int firstRun;
    private int lastRun;
    private PdfIndirectReference form;
    private final RenderCache cache;

    /**
     * For one page of {@code width} × {@code height} points (its media box); {@code cache} (may be
     * null): text that earlier renders of a batch compressed is not compressed again.
     */
    TextForms(PdfContentByte cb, DocumentFonts fonts, StructureTree tree, Colors colors, float width, float height,
            RenderCache cache) {
        this.cache = cache;
        this.cb = cb;
        this.writer = cb.getPdfWriter();
        this.fonts = fonts;
        this.tree = tree;
        this.colors = colors;
        this.width = width;
        this.height = height;
    }

    /**
     * Adds a glyph run whose origin is at ({@code x}, {@code y}) in PDF coordinates, filled with
     * the run's colour (see {@link Colors}). Every glyph is placed exactly at its typeset position:
     * after a glyph the PDF advances by its width in the font's {@code /W} array, and a TJ
     * displacement makes up any difference to where the next glyph belongs. A run of an expanded
     * line is drawn with horizontal scaling (Tz), which scales the glyphs, their widths and the
     * displacements alike, so positions are divided by the scale.
     */
    void show(PageItem.GlyphRun run, float x, float y) {
        if (run.glyphs().length == 0) {
            return;
        }
        DocumentFonts.Resource font = fonts.get(run.font());
        used.put(font.name(), font.reference());
        mark(run.tag(), run.reading());
        double size = run.size();
        StringBuilder c = content;
        c.append("BT\n/").append(font.name()).append(' ');
        PdfNumbers.append(c, size, 2);
        c.append(" Tf\n");
        colors.fill(c, run.color());
        double scale = run.scale();
        if (scale != 1) {
            PdfNumbers.append(c, scale * 100, 3);
            c.append(" Tz\n");
        }
        c.append("1 0 0 1 ");
        PdfNumbers.append(c, x, 2);
        c.append(' ');
        PdfNumbers.append(c, y, 2);
        c.append(" Tm\n[");
        double pen = 0;
        boolean inString = false;
        int[] glyphs = run.glyphs();
        double[] positions = run.positions();
        for (int i = 0; i < glyphs.length; i++) {
            double target = positions[i] * 1000 / (size * scale);
            double displacement = pen - target;
            if (Math.abs(displacement) >= 0.005) {
                double rounded = Math.round(displacement * 100) / 100.0;
                if (inString) {
                    c.append(')');
                    inString = false;
                }
                PdfNumbers.append(c, rounded, 2);
                pen -= rounded;
            }
            if (!inString) {
                c.append('(');
                inString = true;
            }
            code(c, glyphs[i]);
            pen += font.font().width(glyphs[i]);
        }
        if (inString) {
            c.append(')');
        }
        c.append("]TJ\n");
        if (scale != 1) {
            c.append("100 Tz\n");
        }
        c.append("ET\n");
    }

    /**
     * Opens the marked-content sequence of {@code tag} for a run read at {@code reading} in its
     * paragraph (-1: not numbered), unless the open one is of that tag and holds the runs just
     * before or after it in reading order (or neither is numbered).
     */
    private void mark(Tag tag, int reading) {
        Tag key = tag instanceof Tag.Unset ? new Tag.Content(tree.documentElement()) : tag;
        if (key.equals(open)) {
            if (key instanceof Tag.Artifact || reading < 0 && lastRun < 0) {
                return;
            }
            if (reading >= 0 && lastRun >= 0 && (reading == lastRun + 1 || reading == firstRun - 1)) {
                firstRun = Math.min(firstRun, reading);
                lastRun = Math.max(lastRun, reading);
                marked.reads(reading);
                return;
            }
        }
        close();
        switch (key) {
            case Tag.Content c -> {
                int node = tree.element(c);
                if (form == null) {
                    form = writer.getPdfIndirectReference();
                }
                int mcid = owners.size();
                owners.add(node);
                marked = tree.formContent(node, writer.getCurrentPage(), form, mcid);
                marked.reads(reading);
                content.append(tree.tagName(node)).append(" <</MCID ").append(mcid).append(">> BDC\n");
            }
            case Tag.Artifact a -> content.append("/Artifact ").append(Artifacts.properties(a)).append(" BDC\n");
            case Tag.Unset u -> throw new IllegalStateException("unreachable");
        }
        open = key;
        firstRun = reading;
        lastRun = reading;
    }

    private void close() {
        if (open != null) {
            content.append("EMC\n");
            open = null;
            marked = null;
        }
    }

    /** Draws the text added since the last flush, if any, as one form XObject. */
    void flush() throws DocumentException, IOException {
        if (content.isEmpty()) {
            return;
        }
        close();
        byte[] raw = content.toString().getBytes(StandardCharsets.ISO_8859_1);
        int level = writer.getCompressionLevel();
        byte[] compressed = cache == null ? null : cache.compressed(raw, level);
        PdfStream form = new PdfStream(compressed == null ? raw : compressed);
        if (compressed != null) {
            // The very stream flateCompress makes of the raw bytes (RenderCache.compressed compresses with it).
            form.put(PdfName.FILTER, PdfName.FLATEDECODE);
        }
        form.put(PdfName.TYPE, PdfName.XOBJECT);
        form.put(PdfName.SUBTYPE, PdfName.FORM);
        form.put(PdfName.BBOX, new PdfRectangle(width, height));
        PdfDictionary fontResources = new PdfDictionary();
        used.forEach((name, reference) -> fontResources.put(new PdfName(name), reference));
        PdfDictionary resources = new PdfDictionary();
        resources.put(PdfName.FONT, fontResources);
        colors.addTo(resources);
        form.put(PdfName.RESOURCES, resources);
        if (!owners.isEmpty()) {
            form.put(PdfName.STRUCTPARENTS, new PdfNumber(tree.formParents(owners)));
        }
        if (compressed == null) {
            form.flateCompress(level);
        }
        ImgRaw handle = new ImgRaw(1, 1, 1, 8, new byte[1]);
        PdfIndirectReference reference = this.form != null ? writer.addToBody(form, this.form).getIndirectReference()
                : writer.addToBody(form).getIndirectReference();
        handle.setDirectReference(reference);
        cb.addImage(handle, 1, 0, 0, 1, 0, 0);
        content.setLength(0);
        used.clear();
        owners.clear();
        this.form = null;
    }

    /** A glyph's two-byte code (Identity-H) inside a literal string, escaped where the syntax needs it. */
    private static void code(StringBuilder c, int glyph) {
        escaped(c, glyph >> 8 & 0xff);
        escaped(c, glyph & 0xff);
    }

    private static void escaped(StringBuilder c, int b) {
        switch (b) {
            case '(', ')', '\\' -> c.append('\\').append((char) b);
            case '\r' -> c.append("\\r");
            case '\n' -> c.append("\\n");
            default -> c.append((char) b);
        }
    }
}
