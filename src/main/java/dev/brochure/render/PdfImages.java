package dev.brochure.render;

import dev.brochure.content.model.ImageOrientation;
import dev.brochure.content.model.ImageRef;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openpdf.text.Image;

/**
 * Images for one document. File bytes are read once per process; each image becomes one PDF
 * image object per document however often it is placed.
 */
final class PdfImages {

    private static final Map<Path, byte[]> BYTES = new ConcurrentHashMap<>();

    private final Map<Path, Image> inDocument = new HashMap<>();

    Image get(ImageRef ref) {
        return inDocument.computeIfAbsent(ref.path(), path -> decode(ref));
    }

    private static Image decode(ImageRef ref) {
        try {
            byte[] bytes = BYTES.computeIfAbsent(ref.path(), PdfImages::read);
            return ImageDecoder.decode(ref, bytes);
        } catch (BrochureException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw BrochureException.of(SourceLocation.of(ref.path()), "cannot embed image '" + ref.ref() + "': "
                    + e.getMessage(), "the file may be corrupt; export it again as JPEG or PNG");
        }
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
