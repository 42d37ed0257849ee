package dev.brochure.render;

import java.time.ZonedDateTime;

/**
 * How to write the PDF. {@code date} becomes the document's creation and modification date; it
 * is passed in (never read from the clock here) so that a build can be reproducible.
 * {@code slug} is extra paper around the bleed where {@code cropMarks} are drawn (0 for screen).
 * {@code compactObjects} packs objects into compressed object streams (smaller files).
 */
public record RenderOptions(ZonedDateTime date, String producer, double slug, boolean cropMarks,
        boolean compactObjects) {

    /** Plain screen output: no slug, no marks. */
    public static RenderOptions screen(ZonedDateTime date, String producer) {
        return new RenderOptions(date, producer, 0, false, false);
    }
}
