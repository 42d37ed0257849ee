package dev.brochure.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.xml.xmp.XmpBasicSchema;
import org.openpdf.text.xml.xmp.XmpMMSchema;
import org.openpdf.text.xml.xmp.XmpSchema;
import org.openpdf.text.xml.xmp.XmpWriter;

/**
 * The document's XMP metadata packet, written with OpenPDF's XMP writer: the same title, author,
 * subject, keywords, creator tool, producer and dates as the information dictionary (OpenPDF maps
 * them from it, so the two always agree), plus what a standard asks to find there. For PDF/X-4:
 * {@code pdfxid:GTS_PDFXVersion}, {@code pdf:Trapped}, the metadata date and the document's
 * {@code xmpMM} identifiers. A PDF/A identification ({@code pdfaid}) belongs here too.
 */
final class XmpMetadata {

    /** The PDF/X identification schema (ISO 15930-7). */
    static final String PDFX_NS = "http://www.npes.org/pdfx/ns/id/";
    /** The Adobe PDF schema, for {@code pdf:Trapped}. */
    static final String PDF_NS = "http://ns.adobe.com/pdf/1.3/";

    private XmpMetadata() {
    }

    /** A schema of one namespace, for the properties OpenPDF has no class for. */
    private static final class Schema extends XmpSchema {
        private static final long serialVersionUID = 1L;

        Schema(String prefix, String uri) {
            super("xmlns:" + prefix + "=\"" + uri + "\"");
        }
    }

    /**
     * The packet for a PDF/X document whose information dictionary is complete (dates included),
     * identified as {@code version} ({@code PDF/X-4}) and not trapped. The document identifiers
     * are derived from the information, so the same document gives the same packet.
     */
    static byte[] pdfx(PdfWriter writer, String version) {
        PdfDictionary info = writer.getInfo();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmpWriter xmp = new XmpWriter(out, info, PdfWriter.PDFXNONE)) {
            String date = w3cDate(info.get(PdfName.MODDATE));
            XmpBasicSchema basic = new XmpBasicSchema();
            if (date != null) {
                basic.addMetaDataDate(date);
            }
            xmp.addRdfDescription(basic);
            Schema pdf = new Schema("pdf", PDF_NS);
            pdf.setProperty("pdf:Trapped", "False");
            xmp.addRdfDescription(pdf);
            XmpMMSchema mm = new XmpMMSchema();
            UUID id = UUID.nameUUIDFromBytes((text(info, PdfName.TITLE) + "\n" + text(info, PdfName.AUTHOR) + "\n"
                    + date + "\n" + version).getBytes(StandardCharsets.UTF_8));
            mm.setProperty(XmpMMSchema.DOCUMENTID, "uuid:" + id);
            mm.setProperty("xmpMM:InstanceID", "uuid:" + id);
            mm.setProperty(XmpMMSchema.VERSIONID, "1");
            mm.setProperty(XmpMMSchema.RENDITIONCLASS, "default");
            xmp.addRdfDescription(mm);
            Schema pdfx = new Schema("pdfxid", PDFX_NS);
            pdfx.setProperty("pdfxid:GTS_PDFXVersion", version);
            xmp.addRdfDescription(pdfx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String text(PdfDictionary info, PdfName key) {
        return info.get(key) instanceof org.openpdf.text.pdf.PdfString s ? s.toUnicodeString() : "";
    }

    private static String w3cDate(PdfObject date) {
        return date instanceof org.openpdf.text.pdf.PdfDate d ? d.getW3CDate() : null;
    }
}
