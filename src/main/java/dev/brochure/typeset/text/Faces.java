package dev.brochure.typeset.text;

import dev.brochure.vocab.FontFamily;
import dev.brochure.world.Workspace;
import dev.brochure.world.font.FontFace;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The font faces of one typesetting run: each taken from the workspace (which reads a font file
 * once per version of it) the first time the run needs it, then kept for the run.
 */
public final class Faces {

    private final Workspace workspace;
    private final Map<Path, FontFace> used = new HashMap<>();

    public Faces(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The face of {@code family} for the weight and slant (see {@link FontFamily#face}). */
    public FontFace face(FontFamily family, boolean bold, boolean italic) {
        return used.computeIfAbsent(family.face(bold, italic), workspace::font);
    }
}
