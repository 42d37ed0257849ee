package dev.brochure.vocab;


/**
 * A page master: the margins, column grid, running footer and background of the pages a
 * section flows onto. {@code background} is null for plain paper.
 */
public record MasterSpec(String name, Margins margins, int columns, double gutter, boolean footer, Rgb background) {
}
