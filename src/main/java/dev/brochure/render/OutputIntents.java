package dev.brochure.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The catalogue's output intents: the colour space the document's device colours mean. An
 * archival PDF (PDF/A) carries the sRGB profile, so its RGB colours are defined for as long as
 * the file is kept; the profile is the CC0 compact sRGB profile in {@code /color/} (its README
 * says where it comes from). Made with OpenPDF's object classes: OpenPDF's own
 * {@code setOutputIntents} names the intent PDF/X unless the writer is in its PDF/A mode, whose
 * PDF/X checks refuse what PDF/A-2 allows (soft masks).
 */
final class OutputIntents {

    static final String SRGB_RESOURCE = "/color/sRGB-v2-magic.icc";
    static final String SRGB_CONDITION = "sRGB IEC61966-2.1";

    private static final PdfName GTS_PDFA1 = new PdfName("GTS_PDFA1");

    private OutputIntents() {
    }

    /** Adds the PDF/A output intent with the sRGB profile. */
    static void pdfaSrgb(PdfWriter writer) {
        PdfStream profile = new PdfStream(srgbProfile());
        profile.put(PdfName.N, new PdfNumber(3));
        profile.flateCompress(writer.getCompressionLevel());
        PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.S, GTS_PDFA1);
        intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString(SRGB_CONDITION, PdfObject.TEXT_UNICODE));
        intent.put(PdfName.OUTPUTCONDITION, new PdfString(SRGB_CONDITION, PdfObject.TEXT_UNICODE));
        intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org", PdfObject.TEXT_UNICODE));
        intent.put(PdfName.INFO, new PdfString(SRGB_CONDITION, PdfObject.TEXT_UNICODE));
        try {
            intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(profile).getIndirectReference());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
    }

    /** The bytes of the sRGB ICC profile. */
    static byte[] srgbProfile() {
        try (InputStream in = OutputIntents.class.getResourceAsStream(SRGB_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the sRGB profile " + SRGB_RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
