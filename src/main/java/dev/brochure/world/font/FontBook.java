package dev.brochure.world.font;

import dev.brochure.world.FileStamp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts of one build context: one {@link FontFace} per font file, shared by every stage and
 * every build of the context. A file is read again when its size or modification time changes,
 * so a font replaced while the process lives is used from then on. Thread-safe.
 */
public final class FontBook {

    private final Map<Path, FontFace> loaded = new ConcurrentHashMap<>();

    /** The font file as it is now, read once per version of the file (nothing parsed yet). */
    public FontFace file(Path file) throws IOException {
        FileStamp stamp = FileStamp.of(file);
        FontFace known = loaded.get(file);
        if (known != null && known.stamp().equals(stamp)) {
            return known;
        }
        try {
            return loaded.compute(file, (path, old) -> {
                if (old != null && old.stamp().equals(stamp)) {
                    return old;
                }
                try {
                    return FontFace.read(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The font file as it is now, ready to shape and measure; a damaged font fails here. */
    public FontFace face(Path file) throws IOException {
        FontFace face = file(file);
        face.prepare();
        return face;
    }
}
