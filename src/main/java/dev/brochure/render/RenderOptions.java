package dev.brochure.render;

import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * How to write the PDF. {@code date} becomes the document's creation and modification date; it
 * is passed in (never read from the clock here) so that a build can be reproducible.
 * {@code slug} is extra paper around the bleed where {@code cropMarks} are drawn (0 for screen).
 * {@code compactObjects} packs objects into compressed object streams (smaller files);
 * {@code images} says how images are resampled and encoded; {@code cacheDir} (may be null) keeps
 * resampled images between runs, up to {@code cacheLimit} bytes.
 */
public record RenderOptions(ZonedDateTime date, String producer, double slug, boolean cropMarks,
        boolean compactObjects, ImagePolicy images, Path cacheDir, long cacheLimit) {

    /** The disk cache's cap when none is given: 512 MB. */
    public static final long DEFAULT_CACHE_LIMIT = 512_000_000L;

    public RenderOptions(ZonedDateTime date, String producer, double slug, boolean cropMarks, boolean compactObjects,
            ImagePolicy images, Path cacheDir) {
        this(date, producer, slug, cropMarks, compactObjects, images, cacheDir, DEFAULT_CACHE_LIMIT);
    }

    /** Plain output: no slug, no marks, images as they are, no disk cache. */
    public static RenderOptions screen(ZonedDateTime date, String producer) {
        return new RenderOptions(date, producer, 0, false, false, ImagePolicy.ORIGINAL, null);
    }

    public RenderOptions withImages(ImagePolicy other) {
        return new RenderOptions(date, producer, slug, cropMarks, compactObjects, other, cacheDir, cacheLimit);
    }
}
