package dev.brochure.content;

import dev.brochure.content.model.ImageRef;
import dev.brochure.diag.Diagnostics;
import dev.brochure.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Resolves the images content refers to, reads each one's pixel size from its header (no pixel
 * is decoded here), and indexes them by the reference written in the content.
 */
public final class ImageCatalog {

    /** Above this many pixels an image is refused: a phone photo has ~12 million. */
    public static final long MAX_PIXELS = 100_000_000L;

    private final ProjectFiles project;
    private final Diagnostics diagnostics;
    private final Map<String, ImageRef> byRef = new LinkedHashMap<>();

    public ImageCatalog(ProjectFiles project, Diagnostics diagnostics) {
        this.project = project;
        this.diagnostics = diagnostics;
    }

    public Optional<ImageRef> resolve(String ref, SourceLocation where) {
        ImageRef known = byRef.get(ref);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ImageRef> image = project.resolveAsset(ref, where, diagnostics).flatMap(path -> probe(ref, path, where));
        image.ifPresent(img -> byRef.put(ref, img));
        return image;
    }

    public Map<String, ImageRef> all() {
        return Map.copyOf(byRef);
    }

    private Optional<ImageRef> probe(String ref, Path path, SourceLocation where) {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                diagnostics.error(where, "'" + ref + "' is not a JPEG or PNG image",
                        "convert it to JPEG (photos) or PNG (flat art, transparency)");
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase();
                if (!format.equals("jpeg") && !format.equals("png")) {
                    diagnostics.error(where, "'" + ref + "' is a " + format.toUpperCase() + " image; only JPEG and PNG are supported",
                            "convert it to JPEG (photos) or PNG (flat art, transparency)");
                    return Optional.empty();
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    diagnostics.error(where, "'" + ref + "' is " + width + "x" + height + " pixels, more than the "
                            + MAX_PIXELS / 1_000_000 + " megapixel limit", "scale the image down before using it");
                    return Optional.empty();
                }
                return Optional.of(new ImageRef(ref, path, width, height, format));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            diagnostics.error(where, "'" + ref + "' cannot be read as an image: " + e.getMessage(),
                    "the file may be truncated or corrupt; export it again");
            return Optional.empty();
        }
    }
}
