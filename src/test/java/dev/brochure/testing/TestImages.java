package dev.brochure.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Small images made in the test: four coloured quadrants (top-left red, top-right green,
 * bottom-left blue, bottom-right yellow), so that a rendered page shows whether colours came
 * out right and which way up the picture stands. Plus the byte-level tricks of bad files.
 */
public final class TestImages {

    public static final Color TOP_LEFT = Color.RED;
    public static final Color TOP_RIGHT = Color.GREEN;
    public static final Color BOTTOM_LEFT = Color.BLUE;
    public static final Color BOTTOM_RIGHT = Color.YELLOW;

    private TestImages() {
    }

    /** The four quadrants, in 8-bit RGB (or ARGB with a transparent bottom-right quadrant). */
    public static BufferedImage quadrants(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(TOP_LEFT);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(TOP_RIGHT);
        g.fillRect(width / 2, 0, width - width / 2, height / 2);
        g.setColor(BOTTOM_LEFT);
        g.fillRect(0, height / 2, width / 2, height - height / 2);
        g.setColor(type == BufferedImage.TYPE_INT_ARGB ? new Color(0, 0, 0, 0) : BOTTOM_RIGHT);
        g.setComposite(java.awt.AlphaComposite.Src);
        g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
        g.dispose();
        return image;
    }

    /** The quadrants with a four-colour palette (an indexed PNG). */
    public static BufferedImage paletted(int width, int height) {
        Color[] colors = {TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT};
        byte[] r = new byte[4];
        byte[] g = new byte[4];
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            r[i] = (byte) colors[i].getRed();
            g[i] = (byte) colors[i].getGreen();
            b[i] = (byte) colors[i].getBlue();
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(2, 4, r, g, b));
        Graphics2D graphics = image.createGraphics();
        graphics.drawImage(quadrants(width, height, BufferedImage.TYPE_INT_RGB), 0, 0, null);
        graphics.dispose();
        return image;
    }

    /** The quadrants at 16 bits per sample, RGB or RGBA (the alpha fully opaque). */
    public static BufferedImage sixteenBit(int width, int height, boolean alpha) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        BufferedImage source = quadrants(width, height, BufferedImage.TYPE_INT_RGB);
        int bands = alpha ? 4 : 3;
        int[] sample = new int[bands];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = source.getRGB(x, y);
                sample[0] = ((rgb >> 16) & 0xff) * 257;
                sample[1] = ((rgb >> 8) & 0xff) * 257;
                sample[2] = (rgb & 0xff) * 257;
                if (alpha) {
                    sample[3] = 0xffff;
                }
                raster.setPixel(x, y, sample);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** The quadrants in 8-bit greyscale. */
    public static BufferedImage grey(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.drawImage(quadrants(width, height, BufferedImage.TYPE_INT_RGB), 0, 0, null);
        g.dispose();
        return image;
    }

    public static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    /** A JPEG at high quality, so flat colours stay close to what was drawn. */
    public static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The JPEG with an EXIF block saying how to turn it upright (1–8), placed right after the
     * start marker as cameras do: "Exif\0\0", then a big-endian TIFF header and one IFD entry.
     */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        return withOrientationEntry(jpeg, 3, 1, orientation);
    }

    /**
     * {@code jpeg} with an EXIF Orientation entry of type UNDEFINED (7) and count 0, as some
     * cameras and editors write it: the entry is there, but holds no orientation to read.
     */
    public static byte[] withUnreadableExifOrientation(byte[] jpeg) {
        return withOrientationEntry(jpeg, 7, 0, 0);
    }

    /** {@code jpeg} with an APP1 EXIF segment holding one IFD0 entry: Orientation of {@code type} and {@code count}. */
    private static byte[] withOrientationEntry(byte[] jpeg, int type, int count, int value) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) type).putInt(count).putShort((short) value).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) ((exif.length + 2) >> 8),
            (byte) (exif.length + 2)}, exif);
        return concat(new byte[] {jpeg[0], jpeg[1]}, segment, java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /**
     * A valid PNG that claims {@code width} by {@code height} pixels of 8-bit RGB, with a few
     * bytes of (valid, but far too short) compressed data: a decompression bomb's header.
     */
    public static byte[] pngClaiming(long width, long height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt((int) width).putInt((int) height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0)
                .put((byte) 0);
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1024]);
        deflater.finish();
        byte[] compressed = new byte[64];
        int n = deflater.deflate(compressed);
        deflater.end();
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, chunk("IHDR", ihdr.array()),
                chunk("IDAT", java.util.Arrays.copyOf(compressed, n)), chunk("IEND", new byte[0]));
    }

    /** A JPEG whose frame header claims {@code width} by {@code height} pixels. */
    public static byte[] jpegClaiming(int width, int height) {
        byte[] jpeg = jpeg(quadrants(16, 16, BufferedImage.TYPE_INT_RGB));
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC0) {
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
        }
        throw new IllegalStateException("no baseline frame header");
    }

    public static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        return concat(ByteBuffer.allocate(4).putInt(data.length).array(), name, data,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The nearest of the four quadrant colours (or white), for classifying a rendered pixel. */
    public static Color nearest(int rgb) {
        Color[] candidates = {TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT, Color.WHITE};
        Color best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Color c : candidates) {
            double dr = ((rgb >> 16) & 0xff) - c.getRed();
            double dg = ((rgb >> 8) & 0xff) - c.getGreen();
            double db = (rgb & 0xff) - c.getBlue();
            double d = dr * dr + dg * dg + db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }
}
