package dev.brochure.render;

import dev.brochure.world.MemoryBudget;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import dev.brochure.world.Workspace;
import javax.imageio.ImageIO;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.PdfStream;

/**
 * Turns an image file that the content stage accepted into an OpenPDF image. A JPEG goes into
 * the PDF as it is (the viewer decodes it; OpenPDF reads its colour space, CMYK included). A PNG
 * is decoded here into 8-bit samples: grey stays grey, colour becomes RGB, a palette is
 * expanded, and alpha becomes a soft mask. OpenPDF's own PNG path converts through AWT, which
 * takes a grey PNG's samples for linear light and draws every grey PNG too light.
 *
 * <p>An instance is render's slot in the workspace ({@link #of}): the PNGs decoded so far, so
 * rebuilding decodes none again; bounded in memory.
 */
final class ImageDecoder {

    private final Map<String, Samples> decoded = new ConcurrentHashMap<>();
    private final AtomicLong decodedBytes = new AtomicLong();

    private ImageDecoder() {
    }

    /** An image whose decoding would need more memory than the budget allows one image. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** The decoder of {@code workspace}, with the PNGs it decoded so far. */
    static ImageDecoder of(Workspace workspace) {
        return workspace.slot(ImageDecoder.class, ImageDecoder::new);
    }

    /**
     * A PNG decoded to 8-bit samples (and alpha, when any pixel is translucent), kept compressed
     * as the PDF holds them: OpenPDF compresses an image's samples each time a document takes it,
     * and a batch's copies (or a watch's rebuilds) would pay for that every time.
     */
    private record Samples(int width, int height, int colours, byte[] samples, byte[] alpha) {
        long bytes() {
            return samples.length + (alpha == null ? 0 : alpha.length);
        }

        Image image() throws IOException {
            Image pdfImage = Image.getInstance(width, height, colours, 8, samples);
            pdfImage.setDeflated(true);
            if (alpha != null) {
                Image mask = Image.getInstance(width, height, 1, 8, alpha);
                mask.setDeflated(true);
                mask.makeMask();
                pdfImage.setImageMask(mask);
            }
            return pdfImage;
        }
    }

    /** {@code raw} compressed exactly as OpenPDF compresses an image's samples (its default level). */
    private static byte[] deflated(byte[] raw) throws IOException {
        PdfStream stream = new PdfStream(raw);
        stream.flateCompress(PdfStream.DEFAULT_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        stream.writeContent(out);
        return out.toByteArray();
    }

    /** At most this many decoded bytes are kept between documents. */
    private final long maxDecodedBytes = MemoryBudget.ofThisProcess().cacheBytes();

    /**
     * {@code format} is {@code jpeg} or {@code png}; {@code key}, when given, names these bytes
     * (it must change when they do: {@link EncodingCache#key} holds the file's stamp and checksum),
     * so a PNG is decoded once per workspace. A PNG whose decoding would take more than
     * {@code budget} allows one image is refused first.
     */
    Image decode(String format, byte[] bytes, String key, MemoryBudget budget) throws IOException {
        if (!format.equals("png")) {
            return Image.getInstance(bytes);
        }
        Samples known = key == null ? null : decoded.get(key);
        if (known == null) {
            long needed = decodingBytes(bytes);
            if (needed > budget.imageBytes()) {
                throw new TooLarge("decoding it needs some " + MemoryBudget.size(needed) + " of memory, more than one"
                        + " image may take in " + budget.heap());
            }
            known = samples(bytes);
            if (key != null) {
                if (decodedBytes.addAndGet(known.bytes()) > maxDecodedBytes) {
                    decoded.clear();
                    decodedBytes.set(known.bytes());
                }
                decoded.put(key, known);
            }
        }
        return known.image();
    }

    /**
     * The memory decoding a PNG takes at the most, from its header: Java's decoded image (up to
     * 8 bytes a pixel for 16-bit RGBA), the 8-bit samples and alpha (4) and their compressed copy
     * (as large again, for noise).
     */
    static long decodingBytes(byte[] png) {
        if (png.length < 26) {
            return 0;
        }
        long width = ((png[16] & 0xffL) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
        long height = ((png[20] & 0xffL) << 24) | ((png[21] & 0xff) << 16) | ((png[22] & 0xff) << 8) | (png[23] & 0xff);
        int bitDepth = png[24] & 0xff;
        return width * height * (bitDepth > 8 ? 16 : 12) + png.length;
    }

    /** The format of encoded bytes, by their signature. */
    static String formatOf(byte[] bytes) {
        return bytes.length > 4 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                ? "png" : "jpeg";
    }

    private static Samples samples(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new IOException("the PNG cannot be decoded");
        }
        ColorModel model = image.getColorModel();
        boolean palette = model instanceof IndexColorModel;
        boolean grey = !palette && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        int width = image.getWidth();
        int height = image.getHeight();
        int colours = grey ? 1 : 3;
        byte[] samples = new byte[width * height * colours];
        byte[] alpha = model.hasAlpha() ? new byte[width * height] : null;
        boolean translucent = false;
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int[] row = new int[width * bands];
        int max = palette ? 0 : (1 << model.getComponentSize(0)) - 1;
        int out = 0;
        int a = 0;
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int x = 0; x < width; x++) {
                int at = x * bands;
                if (palette) {
                    IndexColorModel index = (IndexColorModel) model;
                    int i = row[at];
                    samples[out++] = (byte) index.getRed(i);
                    samples[out++] = (byte) index.getGreen(i);
                    samples[out++] = (byte) index.getBlue(i);
                    if (alpha != null) {
                        alpha[a] = (byte) index.getAlpha(i);
                    }
                } else {
                    for (int c = 0; c < colours; c++) {
                        samples[out++] = (byte) scale(row[at + c], max);
                    }
                    if (alpha != null) {
                        alpha[a] = (byte) scale(row[at + bands - 1], max);
                    }
                }
                if (alpha != null && alpha[a] != (byte) 0xff) {
                    translucent = true;
                }
                a++;
            }
        }
        return new Samples(width, height, colours, deflated(samples), translucent ? deflated(alpha) : null);
    }

    /** A sample of {@code max + 1} levels as 0–255. */
    private static int scale(int sample, int max) {
        return max == 255 ? sample : (int) Math.round(sample * 255.0 / max);
    }
}
