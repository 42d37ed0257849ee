package dev.brochure.typeset.text;

import dev.brochure.vocab.Rgb;
import dev.brochure.vocab.FontFamily;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Theme;
import dev.brochure.diag.Diagnostics;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.layout.tree.Inline;
import dev.brochure.world.font.FontFace;
import dev.brochure.vocab.FontFeatures;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns a paragraph's inline runs into boxes, glue and penalties: words are shaped in their
 * face with the style's OpenType features, spaces become glue (stretchable when justified), a
 * no-break space becomes glue no line may end at, a line may also end after a hard hyphen or
 * dash, inside a web or e-mail address (after a slash or hyphen, before a dot) at a high cost,
 * and at the hyphenation points of words when the style hyphenates, at the style's
 * {@code hyphen-penalty}. A compound with a hyphen, dash or slash of its own is broken only there,
 * never hyphenated inside its parts. {@link NoBreakRules} ties spaces no line should end at (a
 * number and its word, a date, a phone number, short parentheses). The paragraph ends with fill
 * glue and a forced break. (Where links lead was checked by the layout stage.) Characters the font cannot show are reported with the font and the
 * content's location; a feature the font cannot apply is warned about, naming the style.
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
    private final Diagnostics diagnostics;
    /** Style, font file and feature of each warning given, so that each is given once. */
    private final Set<String> warned = new HashSet<>();

    /** {@code hyphenator} is null when the document's language has no hyphenation patterns. */
    public ParagraphBuilder(Theme theme, Hyphenator hyphenator, Faces faces, Diagnostics diagnostics) {
        this.theme = theme;
        this.hyphenator = hyphenator;
        this.faces = faces;
        this.diagnostics = diagnostics;
    }

    public ParagraphBuilder(Theme theme, Faces faces, Diagnostics diagnostics) {
        this(theme, null, faces, diagnostics);
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
        final FontFeatures features;
        /** Positions (in the paragraph's text) of spaces and dashes no line may end at. */
        final BitSet tied;
        Fragment pendingSpace;
        boolean pendingNoBreak;
        /** The word being collected is part of a compound broken at a hyphen, dash or slash of its own. */
        boolean compound;
        /** Where the current run starts in the paragraph's text. */
        int offset;

        Builder(TextStyle style, boolean justify, SourceLocation where, WordHyphenation hyphenation, BitSet tied) {
            this.style = style;
            this.justify = justify;
            this.where = where;
            this.hyphenation = hyphenation;
            this.tied = tied;
            // Letter-spaced text is set without ligatures.
            this.features = style.tracking() == 0 ? style.features() : style.features().withoutLigatures();
        }

        void text(String text, FontFace face, Rgb color, String href) {
            checkFeatures(face);
            StringBuilder piece = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == NO_BREAK_SPACE || c == NARROW_NO_BREAK_SPACE) {
                    flushPiece(piece, face, color, href);
                    endWord();
                    compound = false;
                    if (!items.isEmpty() || !word.isEmpty()) {
                        boolean noBreak = c == NO_BREAK_SPACE || c == NARROW_NO_BREAK_SPACE || tied.get(offset + i);
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
                if (href == null && BREAK_AFTER.indexOf(c) >= 0 && more && !tied.get(offset + i)) {
                    flushPiece(piece, face, color, href);
                    compound = true;
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
            offset += text.length();
        }

        /** Warns, once per style and font, about each feature the style asks for that the font cannot apply. */
        void checkFeatures(FontFace face) {
            for (String feature : style.features().requested()) {
                if (!face.supports(feature) && warned.add(style.name() + "\u0000" + face.file() + "\u0000" + feature)) {
                    diagnostics.warning(where, "style '" + style.name() + "' asks for the OpenType feature '" + feature
                                    + "', which font " + face.file().getFileName() + " does not have; its text is set"
                                    + " without it",
                            "remove '" + feature + "' from the style's features, or choose a font family that has it");
                }
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
            if (hyphenation != null && !compound) {
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
            return new Fragment(face, style.size(), color, href, face.shape(text, features), style.tracking(), features);
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
        StringBuilder whole = new StringBuilder();
        for (Inline inline : inlines) {
            whole.append(inline instanceof Inline.Run run ? text(run, style) : "\n");
        }
        Builder b = new Builder(style, justify, where,
                hyphenate ? new WordHyphenation(hyphenator, style.hyphenPenalty()) : null, NoBreakRules.tied(whole.toString()));
        if (indent > 0) {
            b.items.add(new Item.Box(indent, List.of()));
        }
        FontFamily family = theme.fonts().get(style.family());
        for (Inline inline : inlines) {
            switch (inline) {
                case Inline.Run run -> {
                    FontFace face = faces.face(family, style.bold() || run.bold(), style.italic() != run.italic());
                    b.text(text(run, style), face, run.color() != null ? run.color() : style.color(), run.href());
                }
                case Inline.Break br -> {
                    b.lineBreak();
                    b.offset++;
                }
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

    private static String text(Inline.Run run, TextStyle style) {
        return style.uppercase() ? run.text().toUpperCase(Locale.ROOT) : run.text();
    }
}
