package dev.brochure.render;

import java.time.ZonedDateTime;

/**
 * How to write the PDF. {@code date} becomes the document's creation and modification date; it
 * is passed in (never read from the clock here) so that a build can be reproducible.
 */
public record RenderOptions(ZonedDateTime date, String producer) {
}
