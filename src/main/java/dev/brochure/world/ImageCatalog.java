package dev.brochure.world;

import dev.brochure.world.image.ImageProbe;
import dev.brochure.world.image.ImageProblem;
import dev.brochure.vocab.ImageRef;
import dev.brochure.diag.Diagnostics;
import dev.brochure.vocab.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the images content refers to, checks each one with {@link ImageProbe} (no pixel is
 * decoded here; the workspace probes each version of a file once), and indexes them by the
 * reference written in the content.
 */
public final class ImageCatalog {

    private final Workspace workspace;
    private final Diagnostics diagnostics;
    private final Map<String, ImageRef> byRef = new LinkedHashMap<>();

    public ImageCatalog(Workspace workspace, Diagnostics diagnostics) {
        this.workspace = workspace;
        this.diagnostics = diagnostics;
    }

    public Optional<ImageRef> resolve(String ref, SourceLocation where) {
        ImageRef known = byRef.get(ref);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ImageRef> image = workspace.project().resolveAsset(ref, where, diagnostics).flatMap(path -> probe(ref, path, where));
        image.ifPresent(img -> byRef.put(ref, img));
        return image;
    }

    public Map<String, ImageRef> all() {
        return Map.copyOf(byRef);
    }

    private Optional<ImageRef> probe(String ref, Path path, SourceLocation where) {
        try {
            ImageProbe.Probed probed = workspace.images().probe(ref, path);
            if (probed.warning() != null) {
                diagnostics.warning(where, "image '" + ref + "': " + probed.warning(), null);
            }
            return Optional.of(probed.image());
        } catch (ImageProblem e) {
            diagnostics.error(where, "image '" + ref + "' cannot be used: " + e.getMessage(), e.hint());
        } catch (IOException e) {
            diagnostics.error(where, "image '" + ref + "' cannot be read: " + e.getMessage(), null);
        }
        return Optional.empty();
    }
}
