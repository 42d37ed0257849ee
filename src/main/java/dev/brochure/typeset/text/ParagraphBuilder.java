package dev.brochure.typeset.text;

import dev.brochure.content.model.Rgb;
import dev.brochure.content.theme.FontFamily;
import dev.brochure.content.theme.TextStyle;
import dev.brochure.content.theme.Theme;
import dev.brochure.diag.Diagnostics;
import dev.brochure.diag.SourceLocation;
import dev.brochure.layout.tree.Inline;
import dev.brochure.typeset.font.FontBook;
import dev.brochure.typeset.font.FontFace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Turns a paragraph's inline runs into boxes, glue and penalties: words are shaped in their
 * face, spaces become glue (stretchable when justified), a line may also end after a hard
 * hyphen or dash, and the paragraph ends with a forced break. Characters the font cannot show
 * are reported with the font and the content's location.
 */
public final class ParagraphBuilder {

    private static final String BREAK_AFTER = "-\u2010\u2013\u2014/";

    private final Theme theme;
    private final Diagnostics diagnostics;

    public ParagraphBuilder(Theme theme, Diagnostics diagnostics) {
        this.theme = theme;
        this.diagnostics = diagnostics;
    }

    /** A shaping context for one paragraph: the word being collected and the items so far. */
    private final class Builder {
        final TextStyle style;
        final boolean justify;
        final SourceLocation where;
        final List<Item> items = new ArrayList<>();
        final List<Fragment> word = new ArrayList<>();
        Fragment pendingSpace;

        Builder(TextStyle style, boolean justify, SourceLocation where) {
            this.style = style;
            this.justify = justify;
            this.where = where;
        }

        void text(String text, FontFace face, Rgb color, String href) {
            StringBuilder piece = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    flushPiece(piece, face, color, href);
                    endWord();
                    if (!items.isEmpty() || !word.isEmpty()) {
                        pendingSpace = fragment(" ", face, color, href);
                    }
                    continue;
                }
                piece.append(c);
                if (href == null && BREAK_AFTER.indexOf(c) >= 0 && i + 1 < text.length() && text.charAt(i + 1) != ' ') {
                    flushPiece(piece, face, color, href);
                    endWord();
                    items.add(new Item.Penalty(0, c == '-' ? 50 : 0, false, null));
                }
            }
            flushPiece(piece, face, color, href);
        }

        void flushPiece(StringBuilder piece, FontFace face, Rgb color, String href) {
            if (piece.isEmpty()) {
                return;
            }
            if (pendingSpace != null) {
                addGlue(pendingSpace);
                pendingSpace = null;
            }
            word.add(fragment(piece.toString(), face, color, href));
            piece.setLength(0);
        }

        void addGlue(Fragment space) {
            double w = space.width();
            items.add(justify ? new Item.Glue(w, w / 2, w / 3, space) : new Item.Glue(w, 0, 0, space));
        }

        void endWord() {
            if (word.isEmpty()) {
                return;
            }
            double width = word.stream().mapToDouble(Fragment::width).sum();
            items.add(new Item.Box(width, word));
            word.clear();
        }

        void lineBreak() {
            endWord();
            pendingSpace = null;
            items.add(new Item.Glue(0, Item.INFINITY, 0, null));
            items.add(Item.Penalty.forced());
        }

        Fragment fragment(String text, FontFace face, Rgb color, String href) {
            OptionalInt missing = face.missingGlyph(text);
            if (missing.isPresent()) {
                int cp = missing.getAsInt();
                diagnostics.error(where, String.format(Locale.ROOT, "character '%s' (U+%04X) has no glyph in font %s",
                                new String(Character.toChars(cp)), cp, face.file().getFileName()),
                        "replace the character, or choose a font family in the theme that has it");
            }
            return new Fragment(face, style.size(), color, href, face.shape(text), style.tracking());
        }
    }

    public List<Item> build(List<Inline> inlines, TextStyle style, boolean justify, double indent, SourceLocation where) {
        Builder b = new Builder(style, justify, where);
        if (indent > 0) {
            b.items.add(new Item.Box(indent, List.of()));
        }
        FontFamily family = theme.fonts().get(style.family());
        for (Inline inline : inlines) {
            switch (inline) {
                case Inline.Run run -> {
                    FontFace face = FontBook.face(family, style.bold() || run.bold(), style.italic() != run.italic());
                    String text = style.uppercase() ? run.text().toUpperCase(Locale.ROOT) : run.text();
                    b.text(text, face, run.color() != null ? run.color() : style.color(), run.href());
                }
                case Inline.Break br -> b.lineBreak();
            }
        }
        b.endWord();
        // Trailing glue is dropped; the paragraph ends with fill glue and a forced break (TeX's \parfillskip).
        while (!b.items.isEmpty() && !(b.items.getLast() instanceof Item.Box)) {
            b.items.removeLast();
        }
        b.items.add(new Item.Glue(0, Item.INFINITY, 0, null));
        b.items.add(Item.Penalty.forced());
        return b.items;
    }
}
