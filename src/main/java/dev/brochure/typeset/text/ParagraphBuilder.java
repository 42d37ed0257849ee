package dev.brochure.typeset.text;

import dev.brochure.vocab.Rgb;
import dev.brochure.vocab.FontFamily;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Theme;
import dev.brochure.diag.Diagnostics;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.diag.Suggestions;
import dev.brochure.layout.tree.Inline;
import dev.brochure.world.font.FontFace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns a paragraph's inline runs into boxes, glue and penalties: words are shaped in their
 * face, spaces become glue (stretchable when justified), a no-break space becomes glue no line
 * may end at, a line may also end after a hard hyphen or dash, inside a web or e-mail address
 * (after a slash or hyphen, before a dot) at a high cost, and at the hyphenation points of words
 * when the style hyphenates. The paragraph ends with fill glue and a forced break. Characters the
 * font cannot show are reported with the font and the content's location.
 */
public final class ParagraphBuilder {

    private static final String BREAK_AFTER = "-\u2010\u2013\u2014/";
    private static final char NO_BREAK_SPACE = '\u00A0';
    private static final char NARROW_NO_BREAK_SPACE = '\u202F';
    /** TeX's {@code \exhyphenpenalty}: a line may end after a hyphen the text already has. */
    private static final double EXPLICIT_HYPHEN_PENALTY = 50;
    /** Breaking inside an address is a last resort, better than an overfull line. */
    private static final double ADDRESS_PENALTY = 900;

    private final Theme theme;
    private final Hyphenator hyphenator;
    private final Faces faces;
    private final Set<String> anchors;
    private final Diagnostics diagnostics;

    /**
     * {@code hyphenator} is null when the document's language has no hyphenation patterns;
     * {@code anchors} are the ids {@code #id} links may point to (null: not checked).
     */
    public ParagraphBuilder(Theme theme, Hyphenator hyphenator, Set<String> anchors, Faces faces,
            Diagnostics diagnostics) {
        this.theme = theme;
        this.hyphenator = hyphenator;
        this.anchors = anchors;
        this.faces = faces;
        this.diagnostics = diagnostics;
    }

    public ParagraphBuilder(Theme theme, Faces faces, Diagnostics diagnostics) {
        this(theme, null, null, faces, diagnostics);
    }

    /** A shaping context for one paragraph: the word being collected and the items so far. */
    private final class Builder {
        final TextStyle style;
        final boolean justify;
        final SourceLocation where;
        final WordHyphenation hyphenation;
        final List<Item> items = new ArrayList<>();
        final List<Fragment> word = new ArrayList<>();
        final Set<String> reported = new HashSet<>();
        Fragment pendingSpace;
        boolean pendingNoBreak;

        Builder(TextStyle style, boolean justify, SourceLocation where, WordHyphenation hyphenation) {
            this.style = style;
            this.justify = justify;
            this.where = where;
            this.hyphenation = hyphenation;
        }

        void text(String text, FontFace face, Rgb color, String href) {
            checkAnchor(href);
            StringBuilder piece = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == NO_BREAK_SPACE || c == NARROW_NO_BREAK_SPACE) {
                    flushPiece(piece, face, color, href);
                    endWord();
                    if (!items.isEmpty() || !word.isEmpty()) {
                        boolean noBreak = c == NO_BREAK_SPACE || c == NARROW_NO_BREAK_SPACE;
                        pendingNoBreak = pendingSpace == null ? noBreak : pendingNoBreak || noBreak;
                        pendingSpace = fragment(" ", face, color, href);
                    }
                    continue;
                }
                boolean more = i + 1 < text.length() && text.charAt(i + 1) != ' ';
                if (href != null && c == '.' && !piece.isEmpty() && more) {
                    // Before a dot of an address, so that the dot starts the next line.
                    flushPiece(piece, face, color, href);
                    endWord();
                    items.add(new Item.Penalty(0, ADDRESS_PENALTY, false, null));
                }
                piece.append(c);
                if (href == null && BREAK_AFTER.indexOf(c) >= 0 && more) {
                    flushPiece(piece, face, color, href);
                    endWord();
                    boolean hyphen = c == '-' || c == '\u2010';
                    items.add(new Item.Penalty(0, hyphen ? EXPLICIT_HYPHEN_PENALTY : 0, hyphen, null));
                } else if (href != null && (c == '/' || c == '-') && more && text.charAt(i + 1) != '/'
                        && !(i > 0 && text.charAt(i - 1) == '/')) {
                    flushPiece(piece, face, color, href);
                    endWord();
                    items.add(new Item.Penalty(0, ADDRESS_PENALTY, false, null));
                }
            }
            flushPiece(piece, face, color, href);
        }

        /** A link inside the document must name a section that exists. */
        void checkAnchor(String href) {
            if (anchors == null || href == null || !href.startsWith("#")) {
                return;
            }
            String id = href.substring(1);
            if (!anchors.contains(id) && reported.add(id)) {
                diagnostics.error(where, "the link to '" + href + "' points nowhere: no section has the id '" + id + "'",
                        Suggestions.hint(id, anchors));
            }
        }

        void flushPiece(StringBuilder piece, FontFace face, Rgb color, String href) {
            if (piece.isEmpty()) {
                return;
            }
            if (pendingSpace != null) {
                addGlue(pendingSpace, pendingNoBreak);
                pendingSpace = null;
                pendingNoBreak = false;
            }
            word.add(fragment(piece.toString(), face, color, href));
            piece.setLength(0);
        }

        void addGlue(Fragment space, boolean noBreak) {
            if (noBreak) {
                // Glue after a penalty is no breakpoint: the words on both sides stay on one line.
                items.add(new Item.Penalty(0, Item.INFINITY, false, null));
            }
            double w = space.width();
            // As in TeX's fonts, a space may stretch by half its width and shrink by a third; but
            // by at least a sixth of an em, which a tightly spaced face (Vollkorn's space is a
            // fifth of an em) would otherwise not allow a justified line.
            double stretch = Math.max(w / 2, space.size() / 6);
            items.add(justify ? new Item.Glue(w, stretch, w / 3, space) : new Item.Glue(w, 0, 0, space));
        }

        void endWord() {
            if (word.isEmpty()) {
                return;
            }
            if (hyphenation != null) {
                items.addAll(hyphenation.items(word));
            } else {
                items.add(new Item.Box(word.stream().mapToDouble(Fragment::width).sum(), word));
            }
            word.clear();
        }

        void lineBreak() {
            endWord();
            pendingSpace = null;
            pendingNoBreak = false;
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
            // Letter-spaced text is set without ligatures.
            return new Fragment(face, style.size(), color, href, face.shape(text, style.tracking() == 0),
                    style.tracking());
        }
    }

    /** The items of a paragraph, hyphenated where its style asks for it. */
    public List<Item> build(List<Inline> inlines, TextStyle style, boolean justify, double indent, SourceLocation where) {
        return build(inlines, style, justify, indent, where, true);
    }

    /**
     * The items of a paragraph. Words are hyphenated only if {@code mayHyphenate} (false for
     * headings), the style has {@code hyphenate: true} and the language has patterns.
     */
    public List<Item> build(List<Inline> inlines, TextStyle style, boolean justify, double indent, SourceLocation where,
            boolean mayHyphenate) {
        boolean hyphenate = mayHyphenate && style.hyphenate() && hyphenator != null;
        Builder b = new Builder(style, justify, where, hyphenate ? new WordHyphenation(hyphenator) : null);
        if (indent > 0) {
            b.items.add(new Item.Box(indent, List.of()));
        }
        FontFamily family = theme.fonts().get(style.family());
        for (Inline inline : inlines) {
            switch (inline) {
                case Inline.Run run -> {
                    FontFace face = faces.face(family, style.bold() || run.bold(), style.italic() != run.italic());
                    String text = style.uppercase() ? run.text().toUpperCase(Locale.ROOT) : run.text();
                    b.text(text, face, run.color() != null ? run.color() : style.color(), run.href());
                }
                case Inline.Break br -> b.lineBreak();
            }
        }
        b.endWord();
        // Trailing glue is dropped; the paragraph ends as in TeX: no break before the fill glue (parfillskip).
        while (!b.items.isEmpty() && !(b.items.getLast() instanceof Item.Box)) {
            b.items.removeLast();
        }
        b.items.add(new Item.Penalty(0, Item.INFINITY, false, null));
        b.items.add(new Item.Glue(0, Item.INFINITY, 0, null));
        b.items.add(Item.Penalty.forced());
        return b.items;
    }
}
