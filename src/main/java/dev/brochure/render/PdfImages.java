package dev.brochure.render;

import dev.brochure.content.model.ImageRef;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.SourceLocation;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.openpdf.text.Image;

/**
 * Images for one document. Under a policy that keeps every pixel an image is embedded byte for
 * byte, once however often it is placed. Otherwise each placement gets what it needs: the part
 * of the image that shows (a cover-fitted photo is cropped to its frame), at no more than the
 * policy's resolution at the placed size, re-encoded when the policy asks. Identical variants
 * are shared. File bytes and encodings are cached per process, so rebuilding (watch mode,
 * batches, size searches) decodes and encodes each variant once.
 */
final class PdfImages {

    private static final Map<Path, byte[]> BYTES = new ConcurrentHashMap<>();
    private static final Map<String, byte[]> ENCODED = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_ENCODINGS = 512;

    /** The image object to draw and the rectangle (page coordinates) to draw it into. */
    record Prepared(Image image, Rect drawn) {
    }

    /** Which pixels of the source, scaled to which size. */
    private record Variant(Path path, int x, int y, int width, int height, int targetWidth, int targetHeight) {
        boolean isWholeOriginal(ImageRef ref) {
            return x == 0 && y == 0 && width == ref.pixelWidth() && height == ref.pixelHeight()
                    && targetWidth == width && targetHeight == height;
        }
    }

    private final ImagePolicy policy;
    private final EncodingCache disk;
    private final Map<Variant, Image> inDocument = new HashMap<>();

    PdfImages(ImagePolicy policy, EncodingCache disk) {
        this.policy = policy;
        this.disk = disk;
    }

    Prepared get(PageItem.PlacedImage placed) {
        ImageRef ref = placed.image();
        Rect drawn = new Rect(placed.x(), placed.y(), placed.width(), placed.height());
        Variant variant = variant(placed);
        if (variant.width() != ref.pixelWidth() || variant.height() != ref.pixelHeight()) {
            // Only the visible pixels are kept: draw them exactly over the part of the box they showed in.
            double sx = placed.width() / ref.pixelWidth();
            double sy = placed.height() / ref.pixelHeight();
            drawn = new Rect(placed.x() + variant.x() * sx, placed.y() + variant.y() * sy, variant.width() * sx,
                    variant.height() * sy);
        }
        Image image = inDocument.computeIfAbsent(variant, v -> load(ref, v));
        return new Prepared(image, drawn);
    }

    private Variant variant(PageItem.PlacedImage placed) {
        ImageRef ref = placed.image();
        if (policy.maxPpi() <= 0 && !policy.reencode()) {
            return new Variant(ref.path(), 0, 0, ref.pixelWidth(), ref.pixelHeight(), ref.pixelWidth(),
                    ref.pixelHeight());
        }
        // The visible part, in source pixels, rounded outwards.
        double sx = ref.pixelWidth() / placed.width();
        double sy = ref.pixelHeight() / placed.height();
        int x0 = 0;
        int y0 = 0;
        int x1 = ref.pixelWidth();
        int y1 = ref.pixelHeight();
        Rect clip = placed.clip();
        if (clip != null) {
            x0 = clamp((int) Math.floor((clip.x() - placed.x()) * sx), ref.pixelWidth());
            y0 = clamp((int) Math.floor((clip.y() - placed.y()) * sy), ref.pixelHeight());
            x1 = clamp((int) Math.ceil((clip.right() - placed.x()) * sx), ref.pixelWidth());
            y1 = clamp((int) Math.ceil((clip.bottom() - placed.y()) * sy), ref.pixelHeight());
        }
        int width = Math.max(1, x1 - x0);
        int height = Math.max(1, y1 - y0);
        double scale = 1.0;
        if (policy.maxPpi() > 0) {
            double needed = placed.width() / 72.0 * policy.maxPpi() / ref.pixelWidth();
            scale = Math.min(1.0, needed);
        }
        // Rounded down, so the effective resolution never exceeds the cap.
        int targetWidth = Math.max(1, (int) Math.floor(width * scale + 1e-9));
        int targetHeight = Math.max(1, (int) Math.floor(height * scale + 1e-9));
        return new Variant(ref.path(), x0, y0, width, height, targetWidth, targetHeight);
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }

    private Image load(ImageRef ref, Variant variant) {
        try {
            return Image.getInstance(bytes(ref, variant));
        } catch (BrochureException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw BrochureException.of(SourceLocation.of(ref.path()), "cannot embed image '" + ref.ref() + "': "
                    + e.getMessage(), "the file may be corrupt; export it again as JPEG or PNG");
        }
    }

    /** The bytes to embed: the file itself, or the variant cut, scaled and encoded from it. */
    private byte[] bytes(ImageRef ref, Variant variant) throws IOException {
        byte[] original = BYTES.computeIfAbsent(ref.path(), PdfImages::read);
        if (variant.isWholeOriginal(ref) && !policy.reencode()) {
            return original;
        }
        String variantKey = variant.x() + "," + variant.y() + "," + variant.width() + "," + variant.height() + ">"
                + variant.targetWidth() + "x" + variant.targetHeight() + "|q" + policy.jpegQuality();
        String key = ref.path() + "|" + variantKey;
        byte[] known = ENCODED.get(key);
        if (known != null) {
            return known;
        }
        String diskKey = EncodingCache.key(original, variantKey);
        byte[] encoded = disk.get(diskKey).orElse(null);
        if (encoded == null) {
            encoded = encode(ref, variant, original);
            disk.put(diskKey, encoded);
        }
        if (ENCODED.size() > MAX_CACHED_ENCODINGS) {
            ENCODED.clear();
        }
        ENCODED.put(key, encoded);
        return encoded;
    }

    private byte[] encode(ImageRef ref, Variant variant, byte[] original) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(original));
        if (decoded == null) {
            return original;
        }
        BufferedImage visible = decoded.getSubimage(variant.x(), variant.y(), variant.width(), variant.height());
        byte[] encoded = ImageResampler.encode(visible, variant.targetWidth(), variant.targetHeight(),
                policy.jpegQuality());
        return variant.isWholeOriginal(ref) && encoded.length >= original.length ? original : encoded;
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(path), "cannot read image: " + e.getMessage(), null);
        }
    }
}
