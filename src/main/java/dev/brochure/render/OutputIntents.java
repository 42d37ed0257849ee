package dev.brochure.render;

import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfIndirectReference;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The colour characterisations a document declares and uses: its output intent (the printing
 * condition the file is made for, with the ICC profile that describes it, embedded) and the
 * ICC-based colour space its RGB colours and images are given. The print edition (PDF/X-4)
 * declares FOGRA39 ({@code GTS_PDFX}); an archival file (PDF/A) declares sRGB
 * ({@code gts_pdfa1Name()}); a file is never both. The profiles ship in {@code resources/color/} with
 * their licences ({@code color/README.md}). Each is written into the document once, as OpenPDF
 * objects (OpenPDF's own {@code setOutputIntents} names the intent PDF/X unless the writer is in
 * its PDF/A mode, whose PDF/X checks refuse what PDF/A-2 allows).
 */
final class OutputIntents {

    /** An output condition: its name in the ICC registry and the profile that characterises it. */
    record Condition(String identifier, String condition, String registry, String info, String profile) {
    }

    /**
     * FOGRA39: sheet-fed offset on coated paper, the usual condition of European print shops,
     * characterised by basICColor's "ISO Coated v2 300%" (the total ink limited to 300 %).
     */
    static final Condition FOGRA39 = new Condition("FOGRA39",
            "Offset commercial and specialty printing according to ISO 12647-2:2004 / Amd 1, paper type 1 or 2"
                    + " (gloss or matte coated offset, 115 g/m2), screen frequency 60/cm",
            "http://www.color.org", "ISO Coated v2 300% (basICColor)", "color/ISOcoated_v2_300_bas.icc");

    /**
     * sRGB (IEC 61966-2.1): what the theme's #RRGGBB colours and untagged RGB images mean, and
     * the archival file's output intent. The CC0 compact profile, the same bytes on every JDK.
     */
    static final String SRGB = "color/sRGB-v2-magic.icc";
    static final String SRGB_CONDITION = "sRGB IEC61966-2.1";

    private static PdfName gts_pdfa1Name() {
        return new PdfName("GTS_PDFA1");
    }


    /** The resource name of the ICC-based sRGB colour space in page and form resources. */
    static final String RGB_NAME = "CSsRGB";

    private OutputIntents() {
    }

    /** The bytes of a profile shipped with the tool. */
    static byte[] profile(String resource) {
        try (InputStream in = OutputIntents.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the tool's colour profile " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A profile shipped with the tool, for Java (an image OpenPDF tags with it). */
    static ICC_Profile iccProfile(String resource) {
        return ICC_Profile.getInstance(profile(resource));
    }

    /**
     * Writes the PDF/X output intent: the catalog's {@code /OutputIntents} holds one
     * {@code GTS_PDFX} intent naming the condition and embedding its profile (its bytes as
     * shipped, compressed). Call before the document is closed.
     */
    static void pdfx(PdfWriter writer, Condition condition) throws IOException {
        PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.S, PdfName.GTS_PDFX);
        intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString(condition.identifier()));
        intent.put(PdfName.OUTPUTCONDITION, new PdfString(condition.condition()));
        intent.put(PdfName.REGISTRYNAME, new PdfString(condition.registry()));
        intent.put(PdfName.INFO, new PdfString(condition.info()));
        intent.put(PdfName.DESTOUTPUTPROFILE, iccStream(writer, profile(condition.profile()), 4));
        writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
    }

    /** Writes the PDF/A output intent: one {@code gts_pdfa1Name()} intent embedding the sRGB profile. */
    static void pdfaSrgb(PdfWriter writer) throws IOException {
        PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.S, gts_pdfa1Name());
        intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString(SRGB_CONDITION, PdfObject.TEXT_UNICODE));
        intent.put(PdfName.OUTPUTCONDITION, new PdfString(SRGB_CONDITION, PdfObject.TEXT_UNICODE));
        intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org", PdfObject.TEXT_UNICODE));
        intent.put(PdfName.INFO, new PdfString(SRGB_CONDITION, PdfObject.TEXT_UNICODE));
        intent.put(PdfName.DESTOUTPUTPROFILE, iccStream(writer, profile(SRGB), 3));
        writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
    }

    /** {@code [/ICCBased ref]}: the sRGB colour space, its profile written into the document once. */
    static PdfArray srgb(PdfWriter writer) throws IOException {
        PdfArray space = new PdfArray(PdfName.ICCBASED);
        space.add(iccStream(writer, profile(SRGB), 3));
        return space;
    }

    private static PdfIndirectReference iccStream(PdfWriter writer, byte[] profile, int components) throws IOException {
        PdfStream stream = new PdfStream(profile);
        stream.put(PdfName.N, new PdfNumber(components));
        PdfObject alternate = components == 4 ? PdfName.DEVICECMYK : components == 1 ? PdfName.DEVICEGRAY
                : PdfName.DEVICERGB;
        stream.put(PdfName.ALTERNATE, alternate);
        stream.flateCompress(writer.getCompressionLevel());
        return writer.addToBody(stream).getIndirectReference();
    }
}
