package dev.brochure.render;

import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * How to write the PDF. {@code date} becomes the document's creation and modification date; it
 * is passed in (never read from the clock here) so that a build can be reproducible.
 * {@code slug} is extra paper around the bleed where {@code cropMarks} are drawn (0 for screen).
 * {@code compactObjects} packs objects into compressed object streams (smaller files);
 * {@code images} says how images are resampled and encoded; {@code cacheDir} (may be null) keeps
 * resampled images between runs, up to {@code cacheLimit} bytes. {@code pdfx} writes a PDF/X-4
 * file for print: an output intent for offset printing on coated paper (FOGRA39) with its CMYK
 * profile embedded, every colour and RGB image in ICC-based sRGB, registration-coloured crop
 * marks, the PDF/X identification in the information dictionary and the XMP metadata, and no link
 * annotations on the page. {@code archive} makes the file PDF/A-2 (level A, with PDF/UA-1, which
 * every file claims): the sRGB output intent and the PDF/A identification in its metadata. The two
 * exclude each other (a file has one output intent here): asking for both is refused.
 */
public record RenderOptions(ZonedDateTime date, String producer, double slug, boolean cropMarks,
        boolean compactObjects, ImagePolicy images, Path cacheDir, long cacheLimit, boolean pdfx, boolean archive) {

    public RenderOptions {
        if (pdfx && archive) {
            throw new IllegalArgumentException("a file is either PDF/X (print) or PDF/A (archive), not both");
        }
    }

    /** The disk cache's cap when none is given: 512 MB. */
    public static final long DEFAULT_CACHE_LIMIT = 512_000_000L;

    /** Options for a file that claims no PDF/X conformance. */
    public RenderOptions(ZonedDateTime date, String producer, double slug, boolean cropMarks, boolean compactObjects,
            ImagePolicy images, Path cacheDir, long cacheLimit) {
        this(date, producer, slug, cropMarks, compactObjects, images, cacheDir, cacheLimit, false, false);
    }

    public RenderOptions(ZonedDateTime date, String producer, double slug, boolean cropMarks, boolean compactObjects,
            ImagePolicy images, Path cacheDir) {
        this(date, producer, slug, cropMarks, compactObjects, images, cacheDir, DEFAULT_CACHE_LIMIT, false, false);
    }

    /** Plain output: no slug, no marks, images as they are, no disk cache. */
    public static RenderOptions screen(ZonedDateTime date, String producer) {
        return new RenderOptions(date, producer, 0, false, false, ImagePolicy.ORIGINAL, null);
    }

    public RenderOptions withImages(ImagePolicy other) {
        return new RenderOptions(date, producer, slug, cropMarks, compactObjects, other, cacheDir, cacheLimit, pdfx,
                archive);
    }

    public RenderOptions withArchive(boolean pdfa) {
        return new RenderOptions(date, producer, slug, cropMarks, compactObjects, images, cacheDir, cacheLimit, pdfx,
                pdfa);
    }
}
