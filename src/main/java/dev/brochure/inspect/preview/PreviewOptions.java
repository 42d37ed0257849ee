package dev.brochure.inspect.preview;

import java.nio.file.Path;

/** Where previews go, at what resolution, and of which pages. */
public record PreviewOptions(Path outDir, float dpi, PageSelection pages) {

    public static final float DEFAULT_DPI = 110;
    /** Beyond this an A4 page is a 100-megapixel image: too much for a preview. */
    public static final float MAX_DPI = 600;
    public static final float MIN_DPI = 10;
}
