package dev.brochure.typeset.page;

/** A named place in the document (a section's start) that {@code #id} links point to. */
public record Destination(String name, int pageIndex, double y) {
}
