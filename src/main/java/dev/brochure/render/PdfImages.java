package dev.brochure.render;

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
            return Image.getInstance(bytes);
        } catch (BrochureException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw BrochureException.of(SourceLocation.of(ref.path()), "cannot embed image '" + ref.ref() + "': "
                    + e.getMessage(), "the file may be corrupt; export it again as JPEG or PNG");
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(path), "cannot read image: " + e.getMessage(), null);
        }
    }
}
