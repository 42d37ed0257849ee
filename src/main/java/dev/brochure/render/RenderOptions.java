package dev.brochure.render;

import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * How to write the PDF. {@code date} becomes the document's creation and modification date; it
 * is passed in (never read from the clock here) so that a build can be reproducible.
 * {@code slug} is extra paper around the bleed where {@code cropMarks} are drawn (0 for screen).
 * {@code compactObjects} packs objects into compressed object streams (smaller files);
 * {@code images} says how images are resampled and encoded; {@code cacheDir} (may be null) keeps
 * resampled images between runs. {@code pdfx} writes a PDF/X-4 file for print: an output intent
 * for offset printing on coated paper (FOGRA39) with its CMYK profile embedded, every colour and
 * RGB image in ICC-based sRGB, registration-coloured crop marks, the PDF/X identification in the
 * information dictionary and the XMP metadata, and no link annotations on the page.
 */
public record RenderOptions(ZonedDateTime date, String producer, double slug, boolean cropMarks,
        boolean compactObjects, ImagePolicy images, Path cacheDir, boolean pdfx) {

    /** Options for a file that claims no PDF/X conformance. */
    public RenderOptions(ZonedDateTime date, String producer, double slug, boolean cropMarks, boolean compactObjects,
            ImagePolicy images, Path cacheDir) {
        this(date, producer, slug, cropMarks, compactObjects, images, cacheDir, false);
    }

    /** Plain output: no slug, no marks, images as they are, no disk cache. */
    public static RenderOptions screen(ZonedDateTime date, String producer) {
        return new RenderOptions(date, producer, 0, false, false, ImagePolicy.ORIGINAL, null);
    }

    public RenderOptions withImages(ImagePolicy other) {
        return new RenderOptions(date, producer, slug, cropMarks, compactObjects, other, cacheDir, pdfx);
    }

    /** The same options for a PDF/X-4 file, or for one without PDF/X identification. */
    public RenderOptions withPdfx(boolean on) {
        return new RenderOptions(date, producer, slug, cropMarks, compactObjects, images, cacheDir, on);
    }
}
