package dev.brochure.render;

import dev.brochure.vocab.ImageOrientation;
import dev.brochure.vocab.ImageRef;
import dev.brochure.diag.BrochureException;
import dev.brochure.world.Workspace;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import dev.brochure.world.FileStamp;
import dev.brochure.world.MemoryBudget;
import java.awt.color.ICC_Profile;
import dev.brochure.world.image.ImageProblem;
import dev.brochure.world.image.ImageProbe;
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
 * Encodings are cached in the workspace and on disk ({@link EncodingCache}), keyed by the file's
 * size, time and checksum, so rebuilding (watch mode, batches, size searches, the next command)
 * encodes each variant once and never reuses the encoding of a file since edited.
 */
final class PdfImages {

    private static final int MAX_CACHED_ENCODINGS = 512;

    /** Render's slot in the workspace: the variants encoded so far (an empty array: not worth it). */
    private static final class Encoded {
        private final Map<String, byte[]> byKey = new ConcurrentHashMap<>();
    }

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
    private final ICC_Profile untaggedRgb;
    private final MemoryBudget budget = MemoryBudget.ofThisProcess();
    /** Images decoded for this document, kept only until their last placement is drawn. */
    private final Workspace workspace;
    private final Map<String, byte[]> encodings;
    private final ImageDecoder decoder;
    private final Map<Object, Image> inDocument = new HashMap<>();
    /** Placements not yet drawn, per variant and per file (for images embedded whole). */
    private final Map<Variant, Integer> variantUses = new HashMap<>();
    private final Map<Path, Integer> fileUses = new HashMap<>();

    /** The images earlier renders of a batch prepared (null outside a batch): drawn again as they are. */
    private final RenderCache batch;

    /**
     * {@code untaggedRgb}, when given, is the ICC profile an RGB image without a profile of its
     * own is tagged with (sRGB for a colour-managed file), so that no image is device RGB. An
     * image with an embedded profile keeps it; CMYK and grey images stay in the device spaces a
     * CMYK output intent defines. {@code batch} (null outside a batch) keeps the images earlier
     * copies prepared.
     */
    PdfImages(ImagePolicy policy, EncodingCache disk, Workspace workspace, ICC_Profile untaggedRgb, RenderCache batch) {
        this.policy = policy;
        this.disk = disk;
        this.workspace = workspace;
        this.encodings = workspace.slot(Encoded.class, Encoded::new).byKey;
        this.decoder = ImageDecoder.of(workspace);
        this.untaggedRgb = untaggedRgb;
        this.batch = batch;
    }

    private Image tagged(Image image) {
        if (untaggedRgb != null && image.getColorspace() == 3 && !image.hasICCProfile()) {
            image.tagICC(untaggedRgb);
        }
        return image;
    }

    /**
     * What a prepared image depends on: the file as it stands (its stamp), the pixels taken, the
     * policy and whether untagged RGB is given a profile. Null when the file cannot be looked at
     * (drawing then reports it as usual).
     */
    private record Kept(Variant variant, boolean whole, ImagePolicy policy, boolean profiled, FileStamp stamp) {
    }

    private Kept kept(ImageRef ref, Variant variant) {
        try {
            return new Kept(variant, variant.isWholeOriginal(ref) && !policy.reencode(), policy, untaggedRgb != null,
                    FileStamp.of(ref.path()));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Encodes, on all cores, the variants the document will need and no cache holds yet, so a
     * first build does not resample its photos one after another. Drawing then finds them ready.
     */
    void prefetch(List<PageItem.PlacedImage> placements) {
        checkBudget(placements);
        for (PageItem.PlacedImage p : placements) {
            variantUses.merge(variant(p), 1, Integer::sum);
            fileUses.merge(p.image().path(), 1, Integer::sum);
        }
        placements.stream().map(p -> Map.entry(p.image(), variant(p)))
                .filter(e -> !(e.getValue().isWholeOriginal(e.getKey()) && !policy.reencode()))
                .filter(e -> batch == null || !batch.hasImage(kept(e.getKey(), e.getValue())))
                // A large photo is left to drawing, which decodes one image at a time.
                .filter(e -> decodingBytes(e.getKey()) <= budget.parallelImageBytes())
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

    Prepared get(PageItem.PlacedImage placed) {
        ImageRef ref = placed.image();
        Rect box = new Rect(placed.x(), placed.y(), placed.width(), placed.height());
        Variant variant = variant(placed);
        Kept kept = batch == null ? null : kept(ref, variant);
        if (kept != null) {
            // The same image object in every copy of a batch: OpenPDF only reads it when it writes it.
            RenderCache.PreparedImage known = batch.image(kept, () -> prepare(ref, variant, kept.stamp()));
            return known.whole() ? new Prepared(known.image(), box, ref.orientation())
                    : new Prepared(known.image(), visible(placed, ref, variant), ImageOrientation.NORMAL);
        }
        Encoding made = variant.isWholeOriginal(ref) && !policy.reencode() ? null : encoded(ref, variant);
        byte[] encoded = made == null ? null : made.bytes();
        // OpenPDF writes an image when it is first drawn; the decoded pixels need not outlive the last placement.
        boolean lastOfVariant = drawn(variantUses, variant);
        boolean lastOfFile = drawn(fileUses, ref.path());
        if (encoded == null) {
            Image image = inDocument.computeIfAbsent(ref.path(), p -> tagged(load(ref, () -> {
                byte[] bytes = original(ref);
                return decoder.decode(ref.format(), bytes, EncodingCache.key(ref.path(), bytes, "original")
                        .orElse(null), budget);
            })));
            if (lastOfFile) {
                inDocument.remove(ref.path());
            }
            return new Prepared(image, box, ref.orientation());
        }
        Image image = inDocument.computeIfAbsent(variant, v -> tagged(load(ref, () -> decoder.decode(
                ImageDecoder.formatOf(encoded), encoded, made.key(), budget))));
        if (lastOfVariant) {
            inDocument.remove(variant);
        }
        return new Prepared(image, visible(placed, ref, variant), ImageOrientation.NORMAL);
    }

    /** Only the visible pixels are kept: they are drawn exactly over the part of the box they showed in. */
    private static Rect visible(PageItem.PlacedImage placed, ImageRef ref, Variant variant) {
        double sx = placed.width() / ref.pixelWidth();
        double sy = placed.height() / ref.pixelHeight();
        return new Rect(placed.x() + variant.x() * sx, placed.y() + variant.y() * sy, variant.width() * sx,
                variant.height() * sy);
    }

    /**
     * The image object a batch keeps for {@code variant}, and whether it is the whole file (drawn
     * by its EXIF orientation). A file taken whole is one object however many placements take
     * it, so each copy holds it once, as a single build does.
     */
    private RenderCache.PreparedImage prepare(ImageRef ref, Variant variant, FileStamp stamp) {
        Encoding made = variant.isWholeOriginal(ref) && !policy.reencode() ? null : encoded(ref, variant);
        if (made == null) {
            return batch.image(Map.entry(ref.path(), stamp), () -> new RenderCache.PreparedImage(tagged(load(ref, () -> {
                byte[] bytes = original(ref);
                return decoder.decode(ref.format(), bytes, EncodingCache.key(ref.path(), bytes, "original")
                        .orElse(null), budget);
            })), true));
        }
        return new RenderCache.PreparedImage(tagged(load(ref, () -> decoder.decode(ImageDecoder.formatOf(made.bytes()),
                made.bytes(), made.key(), budget))), false);
    }

    /**
     * Refuses, before any image is decoded, a document whose images would make the PDF larger than
     * a build can hold ({@link MemoryBudget#pdfBytes()}): an image embedded whole adds its file
     * (a JPEG) or its decoded samples (a PNG, compressed losslessly: at most 4 bytes a pixel); a
     * resampled one about a byte a pixel of its new size. Each image counts once.
     */
    private void checkBudget(List<PageItem.PlacedImage> placements) {
        Map<Object, Long> embedded = new HashMap<>();
        for (PageItem.PlacedImage p : placements) {
            ImageRef ref = p.image();
            Variant v = variant(p);
            if (v.isWholeOriginal(ref) && !policy.reencode()) {
                embedded.putIfAbsent(ref.path(), "png".equals(ref.format())
                        ? (long) ref.pixelWidth() * ref.pixelHeight() * 4 : fileSize(ref.path()));
            } else {
                embedded.putIfAbsent(v, (long) v.targetWidth() * v.targetHeight());
            }
        }
        long total = embedded.values().stream().mapToLong(Long::longValue).sum();
        if (total > budget.pdfBytes()) {
            // Reported at the image that takes the most room.
            Path largest = placements.stream().max(java.util.Comparator.comparingLong(p -> {
                Long whole = embedded.get(p.image().path());
                return whole != null ? whole : embedded.getOrDefault(variant(p), 0L);
            })).orElseThrow().image().path();
            throw BrochureException.of(workspace.where(largest), String.format(java.util.Locale.ROOT,
                    "the brochure's %d images would put some %s into the PDF (this one the most), more than a PDF may"
                            + " hold in %s", embedded.size(), MemoryBudget.size(total), budget.heap()),
                    policy.maxPpi() > 0 || policy.reencode() ? "use fewer or smaller images, or give Java more memory"
                            + " (JAVA_TOOL_OPTIONS=-Xmx2g)" : "the print profile embeds every pixel: use smaller images,"
                            + " JPEG rather than PNG for photos, or give Java more memory (JAVA_TOOL_OPTIONS=-Xmx2g)");
        }
    }

    /** Counts one placement drawn; whether it was the last one {@link #prefetch} announced. */
    private static <K> boolean drawn(Map<K, Integer> uses, K key) {
        Integer left = uses.get(key);
        if (left == null) {
            return false; // not announced: keep the image for the rest of the document
        }
        if (left <= 1) {
            uses.remove(key);
            return true;
        }
        uses.put(key, left - 1);
        return false;
    }

    /**
     * The memory decoding and resampling a photo takes at the most, per pixel: the decoded image
     * (up to 4 bytes), the first halving (1), an upright copy when the photo is stored turned (4),
     * a copy in 8-bit RGB when a PNG is grey, a palette or 16-bit (4); and the file itself.
     */
    static long decodingBytes(ImageRef ref) {
        int perPixel = 5 + (ref.orientation() == ImageOrientation.NORMAL ? 0 : 4) + ("png".equals(ref.format()) ? 4 : 0);
        return (long) ref.pixelWidth() * ref.pixelHeight() * perPixel + fileSize(ref.path());
    }

    private static long fileSize(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Refuses, before decoding, an image that would need more memory than one image may take. */
    private void checkDecodable(ImageRef ref) {
        long needed = decodingBytes(ref);
        if (needed > budget.imageBytes()) {
            throw BrochureException.of(workspace.where(ref.path()), String.format(java.util.Locale.ROOT,
                    "image '%s' (%d x %d pixels) needs some %s of memory to be resampled, more than one image may take"
                            + " in %s", ref.ref(), ref.pixelWidth(), ref.pixelHeight(), MemoryBudget.size(needed),
                    budget.heap()), "scale the image down (a full page at 300 ppi needs 9 megapixels), or give Java"
                            + " more memory (JAVA_TOOL_OPTIONS=-Xmx2g)");
        }
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

    private Image load(ImageRef ref, Decoding decoding) {
        try {
            return decoding.decode();
        } catch (BrochureException e) {
            throw e;
        } catch (ImageDecoder.TooLarge e) {
            throw BrochureException.of(workspace.where(ref.path()), "image '" + ref.ref() + "' (" + ref.pixelWidth()
                    + " x " + ref.pixelHeight() + " pixels) cannot be embedded: " + e.getMessage(),
                    "scale the image down (a full page at 300 ppi needs 9 megapixels), or give Java more memory"
                            + " (JAVA_TOOL_OPTIONS=-Xmx2g)");
        } catch (IOException | RuntimeException e) {
            throw BrochureException.of(workspace.where(ref.path()), "cannot embed image '" + ref.ref() + "': "
                    + e.getMessage(), "the file may be corrupt; export it again as JPEG or PNG");
        }
    }

    /**
     * The file's bytes, read when needed: once per document for an original, and never again for
     * a variant already encoded. Not kept across builds, so an edited file is always seen and a
     * long-running process holds no photos it no longer needs. The bytes are checked as the
     * content stage checked the file, and must show the picture the pages were laid out for (its
     * format, upright size and orientation): a file rewritten while the brochure is built is
     * refused, never drawn stretched.
     */
    private byte[] original(ImageRef ref) {
        byte[] bytes = read(ref.path());
        ImageRef now;
        try {
            now = ImageProbe.probe(ref.ref(), ref.path(), bytes).image();
        } catch (ImageProblem e) {
            throw changed(ref, "it is no longer an image brochure can use: " + e.getMessage());
        } catch (IOException e) {
            throw changed(ref, "it can no longer be read: " + e.getMessage());
        }
        if (now.pixelWidth() != ref.pixelWidth() || now.pixelHeight() != ref.pixelHeight()
                || !now.format().equals(ref.format()) || now.orientation() != ref.orientation()) {
            throw changed(ref, String.format(java.util.Locale.ROOT, "it is now a %s of %d x %d pixels, but the pages"
                    + " were laid out for a %s of %d x %d", now.format().toUpperCase(java.util.Locale.ROOT),
                    now.pixelWidth(), now.pixelHeight(), ref.format().toUpperCase(java.util.Locale.ROOT),
                    ref.pixelWidth(), ref.pixelHeight())
                    + (now.orientation() != ref.orientation() ? " (and its EXIF orientation changed)" : ""));
        }
        return bytes;
    }

    private BrochureException changed(ImageRef ref, String what) {
        return BrochureException.of(workspace.where(ref.path()), "image '" + ref.ref() + "' changed while the"
                + " brochure was being built: " + what, "build again once the file is no longer being written");
    }

    private Optional<String> key(ImageRef ref, String variant) {
        return EncodingCache.key(ref.path(), variant, workspace.images());
    }

    /**
     * The variant cut, turned upright, scaled and encoded; null when Java cannot decode the file
     * (a CMYK JPEG, say), which is then embedded as it is.
     */
    private String variantKey(ImageRef ref, Variant variant) {
        // The picture's upright size and orientation too: an entry is only ever used for a picture
        // of the size the pages were laid out for.
        return ref.pixelWidth() + "x" + ref.pixelHeight() + ref.orientation() + ":" + variant.x() + "," + variant.y()
                + "," + variant.width() + "," + variant.height() + ">" + variant.targetWidth() + "x"
                + variant.targetHeight() + "|q" + policy.jpegQuality();
    }

    /** An encoded variant and the key that names the bytes it was made from (null when there is none). */
    private record Encoding(byte[] bytes, String key) {
    }

    /** The variant's encoding, or null when the file itself is to be embedded. */
    private Encoding encoded(ImageRef ref, Variant variant) {
        // The file's size and time are in the key, so an edited photo is encoded again (watch mode).
        Optional<String> key = key(ref, variantKey(ref, variant));
        byte[] known = key.map(encodings::get).orElse(null);
        if (known != null) {
            return known.length == 0 ? null : new Encoding(known, key.get());
        }
        byte[] encoded = disk.get(key).orElse(null);
        if (encoded == null) {
            checkDecodable(ref);
            byte[] original = original(ref);
            // Keyed by the bytes read, which may be newer than those the key above was made from.
            key = EncodingCache.key(ref.path(), original, variantKey(ref, variant));
            encoded = encode(ref, variant, original);
            if (encoded != null) {
                disk.put(key, encoded);
            }
        }
        if (encodings.size() > MAX_CACHED_ENCODINGS) {
            encodings.clear();
        }
        if (key.isPresent()) {
            encodings.put(key.get(), encoded == null ? new byte[0] : encoded);
        }
        return encoded == null ? null : new Encoding(encoded, key.orElse(null));
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

    private byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw BrochureException.of(workspace.where(path), "cannot read image: " + e.getMessage(), null);
        }
    }
}
