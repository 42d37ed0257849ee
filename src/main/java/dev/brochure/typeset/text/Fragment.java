package dev.brochure.typeset.text;

import dev.brochure.vocab.FontFeatures;
import dev.brochure.vocab.Rgb;
import dev.brochure.world.font.FontFace;
import dev.brochure.world.font.ShapedText;

/**
 * A piece of a word in one face, size and colour, already shaped with {@code features}.
 * {@code tracking} is extra space after each glyph in thousandths of an em; {@code href} is the
 * link it belongs to, if any; {@code lang} the language of text in another language than its
 * paragraph's (null for none). {@code level} is the bidirectional embedding level of its text
 * (even: left to right; odd: right to left, its glyphs then shaped and stored in visual order)
 * and {@code base} that of its paragraph (0, or 1 for a right-to-left paragraph).
 */
public record Fragment(FontFace face, double size, Rgb color, String href, ShapedText shaped, double tracking,
        FontFeatures features, int level, int base, String lang) {

    /** A left-to-right fragment in a left-to-right paragraph, in its paragraph's language. */
    public Fragment(FontFace face, double size, Rgb color, String href, ShapedText shaped, double tracking,
            FontFeatures features) {
        this(face, size, color, href, shaped, tracking, features, 0, 0, null);
    }

    /** A fragment shaped with the default features (without ligatures when letter-spaced). */
    public Fragment(FontFace face, double size, Rgb color, String href, ShapedText shaped, double tracking) {
        this(face, size, color, href, shaped, tracking,
                tracking == 0 ? FontFeatures.DEFAULT : FontFeatures.DEFAULT.withoutLigatures());
    }

    public double width() {
        return shaped.width(size) + shaped.length() * trackingPoints();
    }

    public double trackingPoints() {
        return tracking * size / 1000.0;
    }

    /** Whether its text runs right to left (its glyphs are in visual order, its characters' indices decreasing). */
    public boolean rightToLeft() {
        return (level & 1) == 1;
    }

    /** This fragment's look with other glyphs (a part of the word, or the word with a hyphen). */
    public Fragment with(ShapedText other) {
        return new Fragment(face, size, color, href, other, tracking, features, level, base, lang);
    }

    /** Shapes other text exactly as this fragment was shaped. */
    public ShapedText shape(String text) {
        return face.shape(text, features, rightToLeft());
    }

    public boolean sameLook(Fragment other) {
        return face == other.face && size == other.size && color.equals(other.color);
    }
}
