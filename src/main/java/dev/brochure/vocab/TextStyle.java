package dev.brochure.vocab;


/**
 * A paragraph style of the theme, fully resolved (parents applied, colour looked up).
 * Sizes and spaces are in points; {@code tracking} is in thousandths of an em. {@code balance}
 * sets ragged text of a few lines in lines of similar length (as CSS {@code text-wrap: balance});
 * headings are always set so.
 */
public record TextStyle(
        String name,
        String family,
        boolean bold,
        boolean italic,
        double size,
        double leading,
        Rgb color,
        Align align,
        double spaceBefore,
        double spaceAfter,
        double indent,
        double tracking,
        boolean uppercase,
        boolean keepWithNext,
        boolean hyphenate,
        boolean balance) {
}
