package dev.brochure.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.InflaterOutputStream;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfDocument;
import org.openpdf.text.pdf.PdfIndirectObject;
import org.openpdf.text.pdf.PdfIndirectReference;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A {@link PdfWriter} that writes our own ToUnicode CMap for each embedded font, so ligatures
 * and alternate glyphs extract as the text they show.
 *
 * <p>Why this way: OpenPDF 3.0.5 builds a font's ToUnicode from the font's character map, which
 * knows nothing of a ligature glyph; its one hook for more ({@code GlyphLayoutManager.completeCmap})
 * maps a glyph to a single character, and its array form to two at most, so "ffi" cannot be
 * said; and PDFBox's text extraction ignores {@code /ActualText} (PDFBOX-3248). Rewriting the
 * finished file would mean parsing it again. Instead this writer watches the objects OpenPDF
 * adds while it writes a Type 0 font at the end of the document: the CIDFont dictionary names
 * the font, and the stream that follows it is that font's ToUnicode, which is replaced here by
 * one built from the typeset text ({@link ToUnicodeMaps}). If OpenPDF wrote no ToUnicode, one is
 * added to the Type 0 font dictionary. Fonts are recognised by their PostScript name; a name
 * used by two font files of one document keeps OpenPDF's own map.
 */
final class ToUnicodeWriter extends PdfWriter {

    /** Glyph-to-text maps by PostScript font name. */
    private final Map<String, TreeMap<Integer, String>> maps;
    /** The font whose CIDFont dictionary was just written and whose ToUnicode may come next. */
    private String pending;

    private ToUnicodeWriter(PdfDocument pdf, OutputStream out, Map<String, TreeMap<Integer, String>> maps) {
        super(pdf, out);
        this.maps = maps;
    }

    /** Opens a writer for {@code document} as {@link PdfWriter#getInstance(Document, OutputStream)} does. */
    static ToUnicodeWriter open(Document document, OutputStream out, Map<String, TreeMap<Integer, String>> maps)
            throws DocumentException {
        PdfDocument pdf = new PdfDocument();
        pdf.setTextRenderingOptions(document.getTextRenderingOptions());
        pdf.setGlyphLayoutManager(document.getGlyphLayoutManager());
        document.addDocListener(pdf);
        ToUnicodeWriter writer = new ToUnicodeWriter(pdf, out, maps);
        pdf.addWriter(writer);
        return writer;
    }

    @Override
    public PdfIndirectObject addToBody(PdfObject object) throws IOException {
        if (object instanceof PdfStream stream) {
            if (pending != null && isCmap(stream)) {
                TreeMap<Integer, String> map = maps.get(pending);
                pending = null;
                if (map != null) {
                    return super.addToBody(cmapStream(map));
                }
            }
        } else if (object instanceof PdfDictionary dict && isCidFont(dict)) {
            pending = fontName(dict);
        }
        return super.addToBody(object);
    }

    @Override
    public PdfIndirectObject addToBody(PdfObject object, PdfIndirectReference ref) throws IOException {
        if (object instanceof PdfDictionary dict && !(object instanceof PdfStream)
                && PdfName.TYPE0.equals(dict.get(PdfName.SUBTYPE))) {
            if (pending != null && dict.get(PdfName.TOUNICODE) == null && maps.containsKey(pending)) {
                dict.put(PdfName.TOUNICODE, super.addToBody(cmapStream(maps.get(pending))).getIndirectReference());
            }
            pending = null;
        }
        return super.addToBody(object, ref);
    }

    private PdfStream cmapStream(TreeMap<Integer, String> map) {
        PdfStream stream = new PdfStream(ToUnicodeMaps.cmap(map));
        stream.flateCompress(getCompressionLevel());
        return stream;
    }

    private static boolean isCidFont(PdfDictionary dict) {
        PdfObject subtype = dict.get(PdfName.SUBTYPE);
        return PdfName.FONT.equals(dict.get(PdfName.TYPE))
                && (PdfName.CIDFONTTYPE2.equals(subtype) || PdfName.CIDFONTTYPE0.equals(subtype));
    }

    /** "ABCDEF+Vollkorn-Regular" (or "...-Identity-H" for CFF fonts) as "Vollkorn-Regular". */
    private static String fontName(PdfDictionary dict) {
        PdfObject base = dict.get(PdfName.BASEFONT);
        if (!(base instanceof PdfName name)) {
            return null;
        }
        String s = PdfName.decodeName(name.toString());
        if (s.length() > 7 && s.charAt(6) == '+') {
            s = s.substring(7);
        }
        return s.endsWith("-Identity-H") ? s.substring(0, s.length() - "-Identity-H".length()) : s;
    }

    /** Whether a stream is a CMap program (deflated or not): it says {@code begincmap}. */
    private static boolean isCmap(PdfStream stream) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try {
            stream.writeContent(content);
        } catch (IOException e) {
            return false;
        }
        byte[] bytes = content.toByteArray();
        byte[] plain = bytes;
        if (PdfName.FLATEDECODE.equals(stream.get(PdfName.FILTER))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InflaterOutputStream inflater = new InflaterOutputStream(out)) {
                inflater.write(bytes);
            } catch (IOException e) {
                return false;
            }
            plain = out.toByteArray();
        }
        return new String(plain, StandardCharsets.ISO_8859_1).contains("begincmap");
    }
}
