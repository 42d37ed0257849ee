package dev.brochure.render;

import dev.brochure.diag.BrochureException;
import dev.brochure.world.Workspace;
import dev.brochure.world.font.FontFace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts typesetting used, as the renderer embeds them: each version of a font file parsed
 * once per workspace into an {@link EmbeddableFont}, from the workspace's font object (its bytes,
 * as read once). A file that changed is parsed again, as the workspace then holds a new object.
 */
final class PdfFonts {

    /** Render's slot in the workspace: the embeddable font of each font object used so far. */
    private static final class Loaded {
        private final Map<Path, Entry> byFile = new ConcurrentHashMap<>();
    }

    private record Entry(FontFace face, EmbeddableFont font) {
    }

    private final Workspace workspace;
    private final Map<Path, Entry> loaded;

    PdfFonts(Workspace workspace) {
        this.workspace = workspace;
        this.loaded = workspace.slot(Loaded.class, Loaded::new).byFile;
    }

    EmbeddableFont get(Path file) {
        FontFace face = workspace.font(file);
        return loaded.compute(file, (p, old) -> old != null && old.face() == face ? old : new Entry(face, load(face)))
                .font();
    }

    private EmbeddableFont load(FontFace face) {
        Path file = face.file();
        try {
            return EmbeddableFont.parse(file.getFileName().toString(), face.bytes());
        } catch (IOException e) {
            throw BrochureException.of(workspace.where(file), "cannot embed font '" + file.getFileName() + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    "the file may be corrupt; replace it with an undamaged TrueType (.ttf) font");
        }
    }
}
