package dev.brochure.render;

import dev.brochure.vocab.ImageOrientation;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Scales a decoded image down and encodes it again: JPEG for photographs, PNG where the image
 * has transparency or is flat art (few colours), where JPEG would blur edges or lose the alpha.
 * Encoding writes no metadata. Output is deterministic for the same input.
 */
final class ImageResampler {

    /** Flat art (logos, placeholders, diagrams) has few distinct colours. */
    private static final int FLAT_ART_COLOURS = 256;

    private ImageResampler() {
    }

    /**
     * The picture as 8-bit sRGB (with alpha when it has any). Grey samples are taken as they are
     * stored, gamma-encoded like sRGB: Java2D would take them for linear light and lighten them.
     */
    static BufferedImage normalized(BufferedImage image) {
        ColorModel model = image.getColorModel();
        boolean grey = !(model instanceof IndexColorModel) && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        int type = image.getType();
        if (!grey && (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB
                || type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_4BYTE_ABGR)) {
            return image; // already 8-bit sRGB: scaling reads it as it is, no copy needed
        }
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage out = new BufferedImage(width, height,
                model.hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        if (!grey) {
            Graphics2D g = out.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
            return out;
        }
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int max = (1 << model.getComponentSize(0)) - 1;
        int[] row = new int[width * bands];
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int x = 0; x < width; x++) {
                int v = (int) Math.round(row[x * bands] * 255.0 / max);
                int a = model.hasAlpha() ? (int) Math.round(row[x * bands + bands - 1] * 255.0 / max) : 255;
                out.setRGB(x, y, (a << 24) | (v << 16) | (v << 8) | v);
            }
        }
        return out;
    }

    /** The picture turned and mirrored to stand upright, as its EXIF orientation says. */
    static BufferedImage upright(BufferedImage image, ImageOrientation orientation) {
        if (orientation == ImageOrientation.NORMAL) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation.swapsAxes();
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                // The stored pixel that shows at (x, y) of the upright picture.
                int sx;
                int sy;
                switch (orientation) {
                    case MIRROR_HORIZONTAL -> { sx = w - 1 - x; sy = y; }
                    case ROTATE_180 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case MIRROR_VERTICAL -> { sx = x; sy = h - 1 - y; }
                    case TRANSPOSE -> { sx = y; sy = x; }
                    case ROTATE_90_CW -> { sx = y; sy = h - 1 - x; }
                    case TRANSVERSE -> { sx = w - 1 - y; sy = h - 1 - x; }
                    case ROTATE_90_CCW -> { sx = w - 1 - y; sy = x; }
                    default -> { sx = x; sy = y; }
                }
                out.setRGB(x, y, image.getRGB(sx, sy));
            }
        }
        return out;
    }

    /** The encoded image at {@code width} x {@code height} pixels. */
    static byte[] encode(BufferedImage source, int width, int height, float jpegQuality) {
        boolean keepPng = hasTransparency(source) || isFlatArt(source);
        BufferedImage scaled = scale(source, width, height, keepPng);
        return keepPng ? png(scaled) : jpeg(scaled, jpegQuality);
    }

    /**
     * Downscales in halving steps with bilinear filtering, then a last bicubic step: the usual
     * way to shrink a photo a lot with Java2D without aliasing.
     */
    static BufferedImage scale(BufferedImage source, int width, int height, boolean alpha) {
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        do {
            w = Math.max(width, w / 2);
            h = Math.max(height, h / 2);
            boolean last = w == width && h == height;
            BufferedImage next = new BufferedImage(w, h, type);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, last ? RenderingHints.VALUE_INTERPOLATION_BICUBIC
                    : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!alpha) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, w, h);
            }
            g.drawImage(current, 0, 0, w, h, null);
            g.dispose();
            current = next;
        } while (w != width || h != height);
        return current;
    }

    static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        int stepX = Math.max(1, image.getWidth() / 200);
        int stepY = Math.max(1, image.getHeight() / 200);
        for (int y = 0; y < image.getHeight(); y += stepY) {
            for (int x = 0; x < image.getWidth(); x += stepX) {
                if ((image.getRGB(x, y) >>> 24) < 255) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Samples up to 40,000 pixels and counts distinct colours. */
    static boolean isFlatArt(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        int stepX = Math.max(1, image.getWidth() / 200);
        int stepY = Math.max(1, image.getHeight() / 200);
        for (int y = 0; y < image.getHeight(); y += stepY) {
            for (int x = 0; x < image.getWidth(); x += stepX) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
                if (colours.size() > FLAT_ART_COLOURS) {
                    return false;
                }
            }
        }
        return true;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
