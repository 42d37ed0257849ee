package dev.brochure.typeset.text;

import dev.brochure.vocab.Rgb;
import dev.brochure.world.font.FontFace;
import dev.brochure.world.font.ShapedText;

/**
 * A piece of a word in one face, size and colour, already shaped. {@code tracking} is extra
 * space after each glyph in thousandths of an em; {@code href} is the link it belongs to, if any.
 */
public record Fragment(FontFace face, double size, Rgb color, String href, ShapedText shaped, double tracking) {

    public double width() {
        return shaped.width(size) + shaped.length() * trackingPoints();
    }

    public double trackingPoints() {
        return tracking * size / 1000.0;
    }

    public boolean sameLook(Fragment other) {
        return face == other.face && size == other.size && color.equals(other.color);
    }
}
