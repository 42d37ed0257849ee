package dev.brochure.render;

import dev.brochure.vocab.ImageOrientation;
import dev.brochure.vocab.ImageRef;
import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.openpdf.text.Image;

/**
 * Images for one document. Under a policy that keeps every pixel an image is embedded as its
 * file ({@link ImageDecoder}), once however often it is placed, and drawn upright by its EXIF
 * orientation. Otherwise each placement gets what it needs: the part of the image that shows (a
 * cover-fitted photo is cropped to its frame), turned upright, at no more than the policy's
 * resolution at the placed size, re-encoded when the policy asks. Identical variants are shared.
 * Encodings are cached per process and on disk ({@link EncodingCache}), keyed by the file's
 * size and time, so rebuilding (watch mode, batches, size searches, the next command) encodes
 * each variant once and never reuses the encoding of a file since edited.
 */
final class PdfImages {

    private static final Map<String, byte[]> ENCODED = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_ENCODINGS = 512;

    /** The image object to draw, the rectangle (page coordinates) to draw it into, and how to turn it. */
    record Prepared(Image image, Rect drawn, ImageOrientation orientation) {
    }

    /** Which pixels of the upright picture, scaled to which size. */
    private record Variant(Path path, int x, int y, int width, int height, int targetWidth, int targetHeight) {
        boolean isWholeOriginal(ImageRef ref) {
            return x == 0 && y == 0 && width == ref.pixelWidth() && height == ref.pixelHeight()
                    && targetWidth == width && targetHeight == height;
        }
    }

    private final ImagePolicy policy;
    private final EncodingCache disk;
    private final Map<Object, Image> inDocument = new HashMap<>();
    private final RenderCache batch;

    PdfImages(ImagePolicy policy, EncodingCache disk) {
        this(policy, disk, null);
    }

    /** {@code batch} (may be null): the images earlier renders of a batch prepared, drawn again as they are. */
    PdfImages(ImagePolicy policy, EncodingCache disk, RenderCache batch) {
        this.policy = policy;
        this.disk = disk;
        this.batch = batch;
    }

    /** What a prepared image depends on: the file, the pixels taken, the policy (a batch has one). */
    private record Made(Variant variant, boolean original, ImagePolicy policy) {
    }

    /**
     * Encodes, on all cores, the variants the document will need and no cache holds yet, so a
     * first build does not resample its photos one after another. Drawing then finds them ready.
     */
    void prefetch(List<PageItem.PlacedImage> placements) {
        placements.stream().map(p -> Map.entry(p.image(), variant(p)))
                .filter(e -> batch == null || !batch.hasImage(made(e.getKey(), e.getValue())))
                .filter(e -> !(e.getValue().isWholeOriginal(e.getKey()) && !policy.reencode()))
                .distinct()
                .toList()
                .parallelStream()
                .forEach(e -> {
                    try {
                        encoded(e.getKey(), e.getValue());
                    } catch (RuntimeException ignored) {
                        // Drawing meets the same problem again and reports it in order.
                    }
                });
    }

    /** The key of what {@link #get} prepares for {@code variant} of {@code ref}, in a batch's cache. */
    private Made made(ImageRef ref, Variant variant) {
        return new Made(variant, variant.isWholeOriginal(ref) && !policy.reencode(), policy);
    }

    Prepared get(PageItem.PlacedImage placed) {
        ImageRef ref = placed.image();
        Rect box = new Rect(placed.x(), placed.y(), placed.width(), placed.height());
        Variant variant = variant(placed);
        if (batch != null) {
            // The same image object in every copy: OpenPDF only reads it when it writes it.
            RenderCache.PreparedImage known = batch.image(made(ref, variant), () -> prepare(ref, variant));
            return prepared(placed, ref, box, variant, known.image(), known.whole());
        }
        byte[] encoded = variant.isWholeOriginal(ref) && !policy.reencode() ? null : encoded(ref, variant);
        if (encoded == null) {
            Image image = inDocument.computeIfAbsent(ref.path(), p -> load(ref, () -> ImageDecoder.decode(ref.format(),
                    original(ref), EncodingCache.key(ref.path(), "original").orElse(null))));
            return new Prepared(image, box, ref.orientation());
        }
        Image image = inDocument.computeIfAbsent(variant, v -> load(ref, () -> ImageDecoder.decode(
                ImageDecoder.formatOf(encoded), encoded, EncodingCache.key(ref.path(), variantKey(variant)).orElse(null))));
        return prepared(placed, ref, box, variant, image, false);
    }

    /** The image object for {@code variant}, and whether it is the whole file as it is (drawn by its EXIF orientation). */
    private RenderCache.PreparedImage prepare(ImageRef ref, Variant variant) {
        byte[] encoded = variant.isWholeOriginal(ref) && !policy.reencode() ? null : encoded(ref, variant);
        if (encoded == null) {
            // One object per file, however many placements take it whole: the PDF holds it once.
            return batch.image(ref.path(), () -> new RenderCache.PreparedImage(load(ref, () -> ImageDecoder.decode(
                    ref.format(), original(ref), EncodingCache.key(ref.path(), "original").orElse(null))), true));
        }
        return new RenderCache.PreparedImage(load(ref, () -> ImageDecoder.decode(ImageDecoder.formatOf(encoded), encoded,
                EncodingCache.key(ref.path(), variantKey(variant)).orElse(null))), false);
    }

    private static Prepared prepared(PageItem.PlacedImage placed, ImageRef ref, Rect box, Variant variant, Image image,
            boolean whole) {
        if (whole) {
            return new Prepared(image, box, ref.orientation());
        }
        // Only the visible pixels are kept: draw them exactly over the part of the box they showed in.
        double sx = placed.width() / ref.pixelWidth();
        double sy = placed.height() / ref.pixelHeight();
        Rect drawn = new Rect(placed.x() + variant.x() * sx, placed.y() + variant.y() * sy, variant.width() * sx,
                variant.height() * sy);
        return new Prepared(image, drawn, ImageOrientation.NORMAL);
    }

    /** The part of the upright picture that shows, and the pixels it needs at the policy's resolution. */
    private Variant variant(PageItem.PlacedImage placed) {
        ImageRef ref = placed.image();
        if (policy.maxPpi() <= 0 && !policy.reencode()) {
            return new Variant(ref.path(), 0, 0, ref.pixelWidth(), ref.pixelHeight(), ref.pixelWidth(),
                    ref.pixelHeight());
        }
        double sx = ref.pixelWidth() / placed.width();
        double sy = ref.pixelHeight() / placed.height();
        int x0 = 0;
        int y0 = 0;
        int x1 = ref.pixelWidth();
        int y1 = ref.pixelHeight();
        Rect clip = placed.clip();
        if (clip != null) {
            // Rounded outwards, so no visible pixel is lost.
            x0 = clamp((int) Math.floor((clip.x() - placed.x()) * sx), ref.pixelWidth());
            y0 = clamp((int) Math.floor((clip.y() - placed.y()) * sy), ref.pixelHeight());
            x1 = clamp((int) Math.ceil((clip.right() - placed.x()) * sx), ref.pixelWidth());
            y1 = clamp((int) Math.ceil((clip.bottom() - placed.y()) * sy), ref.pixelHeight());
        }
        int width = Math.max(1, x1 - x0);
        int height = Math.max(1, y1 - y0);
        double scale = 1.0;
        if (policy.maxPpi() > 0) {
            scale = Math.min(1.0, placed.width() / 72.0 * policy.maxPpi() / ref.pixelWidth());
        }
        // Rounded down, so the effective resolution never exceeds the cap.
        int targetWidth = Math.max(1, (int) Math.floor(width * scale + 1e-9));
        int targetHeight = Math.max(1, (int) Math.floor(height * scale + 1e-9));
        return new Variant(ref.path(), x0, y0, width, height, targetWidth, targetHeight);
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }

    /** A failure to read an image is the user's to fix (a corrupt file), never a crash. */
    private interface Decoding {
        Image decode() throws IOException;
    }

    private static Image load(ImageRef ref, Decoding decoding) {
        try {
            return decoding.decode();
        } catch (BrochureException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw BrochureException.of(SourceLocation.of(ref.path()), "cannot embed image '" + ref.ref() + "': "
                    + e.getMessage(), "the file may be corrupt; export it again as JPEG or PNG");
        }
    }

    /**
     * The file's bytes, read when needed: once per document for an original, and never again for
     * a variant already encoded. Not kept across builds, so an edited file is always seen and a
     * long-running process holds no photos it no longer needs.
     */
    private static byte[] original(ImageRef ref) {
        return read(ref.path());
    }

    /**
     * The variant cut, turned upright, scaled and encoded; null when Java cannot decode the file
     * (a CMYK JPEG, say), which is then embedded as it is.
     */
    private String variantKey(Variant variant) {
        return variant.x() + "," + variant.y() + "," + variant.width() + "," + variant.height() + ">"
                + variant.targetWidth() + "x" + variant.targetHeight() + "|q" + policy.jpegQuality();
    }

    private byte[] encoded(ImageRef ref, Variant variant) {
        // The file's size and time are in the key, so an edited photo is encoded again (watch mode).
        Optional<String> key = EncodingCache.key(ref.path(), variantKey(variant));
        byte[] known = key.map(ENCODED::get).orElse(null);
        if (known != null) {
            return known.length == 0 ? null : known;
        }
        byte[] encoded = disk.get(key).orElse(null);
        if (encoded == null) {
            encoded = encode(ref, variant, original(ref));
            if (encoded != null) {
                disk.put(key, encoded);
            }
        }
        if (ENCODED.size() > MAX_CACHED_ENCODINGS) {
            ENCODED.clear();
        }
        if (key.isPresent()) {
            ENCODED.put(key.get(), encoded == null ? new byte[0] : encoded);
        }
        return encoded;
    }

    /** Forgets what this process encoded (for tests of the disk cache). */
    static void forgetProcessCaches() {
        ENCODED.clear();
    }

    private byte[] encode(ImageRef ref, Variant variant, byte[] original) {
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(new ByteArrayInputStream(original));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (decoded == null) {
            return null;
        }
        BufferedImage upright = ImageResampler.upright(ImageResampler.normalized(decoded), ref.orientation());
        BufferedImage visible = upright.getSubimage(variant.x(), variant.y(), variant.width(), variant.height());
        byte[] encoded = ImageResampler.encode(visible, variant.targetWidth(), variant.targetHeight(),
                policy.jpegQuality());
        boolean pointless = variant.isWholeOriginal(ref) && ref.orientation() == ImageOrientation.NORMAL
                && encoded.length >= original.length;
        return pointless ? null : encoded;
    }

    /**
     * The image matrix that draws a picture upright into the box with lower-left corner
     * ({@code x}, {@code y}) and size {@code w} by {@code h} (the upright size), whatever way the
     * camera stored its pixels. A PDF image fills the unit square, its first row at the top; the
     * matrix maps that square onto the box turned and mirrored as the EXIF orientation says.
     */
    static float[] placement(ImageOrientation orientation, float x, float y, float w, float h) {
        // Each case is (a b c d e f) of: box s = a*u + c*v + e, t = b*u + d*v + f, for image (u, v) in the unit square.
        float[] unit = switch (orientation) {
            case NORMAL -> new float[] {1, 0, 0, 1, 0, 0};
            case MIRROR_HORIZONTAL -> new float[] {-1, 0, 0, 1, 1, 0};
            case ROTATE_180 -> new float[] {-1, 0, 0, -1, 1, 1};
            case MIRROR_VERTICAL -> new float[] {1, 0, 0, -1, 0, 1};
            case TRANSPOSE -> new float[] {0, -1, -1, 0, 1, 1};
            case ROTATE_90_CW -> new float[] {0, -1, 1, 0, 0, 1};
            case TRANSVERSE -> new float[] {0, 1, 1, 0, 0, 0};
            case ROTATE_90_CCW -> new float[] {0, 1, -1, 0, 1, 0};
        };
        return new float[] {w * unit[0], h * unit[1], w * unit[2], h * unit[3], x + w * unit[4], y + h * unit[5]};
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(path), "cannot read image: " + e.getMessage(), null);
        }
    }
}
