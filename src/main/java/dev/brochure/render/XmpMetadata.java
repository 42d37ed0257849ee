package dev.brochure.render;

import dev.brochure.vocab.DocumentInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.GregorianCalendar;
import java.time.ZonedDateTime;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.xml.xmp.DublinCoreSchema;
import org.openpdf.text.xml.xmp.PdfA1Schema;
import org.openpdf.text.xml.xmp.PdfSchema;
import org.openpdf.text.xml.xmp.XmpBasicSchema;
import org.openpdf.text.xml.xmp.XmpWriter;

/**
 * The document's XMP metadata packet (the catalogue's {@code /Metadata} stream), written with
 * OpenPDF's {@link XmpWriter} and its schema classes. It says what the document information
 * dictionary says, in the same words and dates (PDF/A requires them to agree): the title, author,
 * subject and keywords, the tool that made it and the library that wrote it, its dates; plus the
 * standards the file claims: PDF/UA-1 always ({@code pdfuaid:part}), and with {@code archive}
 * PDF/A-2 level A ({@code pdfaid}) with the extension schema PDF/A asks for to declare the
 * {@code pdfuaid} namespace. Other identifications (PDF/X) belong here too.
 */
final class XmpMetadata {

    /** The PDF/A part and conformance level {@code archive} claims (PDF/A-2a: tagged and accessible). */
    static final String PDFA_PART = "2";
    static final String PDFA_CONFORMANCE = "A";

    private static final String PDFUAID = "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"";

    /** PDF/A's declaration of the pdfuaid namespace (ISO 19005-2, 6.6.2.3.3), which is not predefined. */
    private static final String PDFUA_EXTENSION = """
            <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">\
            <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\
            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\
            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\
            <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">\
            <pdfaProperty:name>part</pdfaProperty:name>\
            <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\
            <pdfaProperty:category>internal</pdfaProperty:category>\
            <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\
            </rdf:li></rdf:Seq></pdfaSchema:property>\
            </rdf:li></rdf:Bag></pdfaExtension:schemas>""";
    private static final String EXTENSION_NAMESPACES = "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
            + "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" "
            + "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"";

    private XmpMetadata() {
    }

    /**
     * The packet for a document with {@code info}, made by {@code creator}, written by
     * {@code producer} on {@code date} (the information dictionary's values).
     */
    static byte[] of(DocumentInfo info, String creator, String producer, ZonedDateTime date, boolean archive) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmpWriter xmp = new XmpWriter(out, XmpWriter.UTF8, 0)) {
            DublinCoreSchema dc = new DublinCoreSchema();
            dc.addTitle(info.title());
            if (!info.author().isBlank()) {
                dc.addAuthor(info.author());
            }
            if (!info.subject().isBlank()) {
                dc.addDescription(info.subject());
            }
            if (!info.keywords().isEmpty()) {
                dc.addSubject(info.keywords().toArray(String[]::new));
            }
            xmp.addRdfDescription(dc);
            PdfSchema pdf = new PdfSchema();
            pdf.addProducer(producer);
            if (!info.keywords().isEmpty()) {
                pdf.addKeywords(String.join(", ", info.keywords()));
            }
            xmp.addRdfDescription(pdf);
            XmpBasicSchema basic = new XmpBasicSchema();
            String when = new PdfDate(GregorianCalendar.from(date)).getW3CDate();
            basic.addCreatorTool(creator);
            basic.addCreateDate(when);
            basic.addModDate(when);
            basic.addMetaDataDate(when);
            xmp.addRdfDescription(basic);
            xmp.addRdfDescription(PDFUAID, "<pdfuaid:part>1</pdfuaid:part>");
            if (archive) {
                PdfA1Schema pdfa = new PdfA1Schema();
                pdfa.addPart(PDFA_PART);
                pdfa.addConformance(PDFA_CONFORMANCE);
                xmp.addRdfDescription(pdfa);
                xmp.addRdfDescription(EXTENSION_NAMESPACES, PDFUA_EXTENSION);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
