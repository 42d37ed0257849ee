package dev.brochure.render;

import dev.brochure.vocab.Rgb;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;

/**
 * How fill and stroke colours are written: as DeviceRGB ({@code rg}, {@code RG}), or, in a
 * colour-managed file (PDF/X), in the document's ICC-based sRGB colour space, named
 * {@link OutputIntents#RGB_NAME} in the resources of every page and form that uses it
 * ({@code /CSsRGB cs r g b sc}), so that no colour is device-dependent.
 */
final class Colors {

    /** {@code [/ICCBased ref]}, or null for DeviceRGB. */
    private final PdfArray rgb;
    private final PdfName name = new PdfName(OutputIntents.RGB_NAME);

    Colors(PdfArray rgb) {
        this.rgb = rgb;
    }

    static Colors device() {
        return new Colors(null);
    }

    /** Names the colour space in the page's resources; call once a page, before drawing on it. */
    void onPage(PdfContentByte cb) {
        if (rgb != null) {
            // OpenPDF's way to put a colour space into the page's resources under a name of ours.
            cb.setDefaultColorspace(name, rgb);
        }
    }

    /** Adds the colour space to the resources of a form that uses {@link #fill(StringBuilder, Rgb)}. */
    void addTo(PdfDictionary resources) {
        if (rgb != null) {
            PdfDictionary spaces = new PdfDictionary();
            spaces.put(name, rgb);
            resources.put(PdfName.COLORSPACE, spaces);
        }
    }

    void fill(PdfContentByte cb, Rgb c) {
        if (rgb == null) {
            cb.setRGBColorFill(c.red(), c.green(), c.blue());
        } else {
            StringBuilder op = new StringBuilder(40);
            fill(op, c);
            cb.setLiteral(op.toString());
        }
    }

    void stroke(PdfContentByte cb, Rgb c) {
        if (rgb == null) {
            cb.setRGBColorStroke(c.red(), c.green(), c.blue());
        } else {
            StringBuilder op = new StringBuilder(40);
            op.append('/').append(OutputIntents.RGB_NAME).append(" CS ");
            components(op, c);
            op.append(" SC\n");
            cb.setLiteral(op.toString());
        }
    }

    /** The operators that set the fill colour, for content written by hand (text forms). */
    void fill(StringBuilder out, Rgb c) {
        if (rgb == null) {
            components(out, c);
            out.append(" rg\n");
        } else {
            out.append('/').append(OutputIntents.RGB_NAME).append(" cs ");
            components(out, c);
            out.append(" sc\n");
        }
    }

    private static void components(StringBuilder out, Rgb c) {
        PdfNumbers.append(out, c.red() / 255.0, 5);
        out.append(' ');
        PdfNumbers.append(out, c.green() / 255.0, 5);
        out.append(' ');
        PdfNumbers.append(out, c.blue() / 255.0, 5);
    }
}
