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
 *
 * <p>International text ({@link TextAnalysis}): a line may also end between two characters
 * where the Unicode line breaking algorithm allows it next to a Chinese, Japanese or Korean
 * character (never before 。、」 and the like, nor after 「), at glue that stretches a tenth of an
 * em in justified text. Each character is set in the style's face if it has a glyph for it, else
 * in the first of the family's {@code fallback} families that has; a word is cut into fragments
 * where its face or its bidirectional level changes, and right-to-left fragments are shaped right
 * to left. The items stay in logical order; {@link LineSetter} orders each line for display. A
 * script brochure cannot set (Thai, Devanagari, …), or Arabic in a font without Arabic shaping
 * rules, is an error at the text's place, never wrong output.
 */
public final class ParagraphBuilder {

    private static final String BREAK_AFTER = "-\u2010\u2013\u2014/";
    private static final char NO_BREAK_SPACE = '\u00A0';
    private static final char NARROW_NO_BREAK_SPACE = '\u202F';
    /** TeX's {@code \exhyphenpenalty}: a line may end after a hyphen the text already has. */
    private static final double EXPLICIT_HYPHEN_PENALTY = 50;
    /** Breaking inside an address is a last resort, better than an overfull line. */
    private static final double ADDRESS_PENALTY = 900;
    /** How far the glue between two East Asian characters may stretch in justified text, in ems. */
    private static final double EAST_ASIAN_STRETCH = 0.1;

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
        /** Directions and East Asian line breaks of the paragraph's text. */
        final TextAnalysis analysis;
        /** The face and bidirectional level of the piece being collected. */
        FontFace pieceFace;
        int pieceLevel;
        /** The language of the current run, if it differs from the paragraph's. */
        String lang;

        Builder(TextStyle style, boolean justify, SourceLocation where, WordHyphenation hyphenation, BitSet tied,
                TextAnalysis analysis) {
            this.style = style;
            this.justify = justify;
            this.where = where;
            this.hyphenation = hyphenation;
            this.tied = tied;
            this.analysis = analysis;
            // Letter-spaced text is set without ligatures.
            this.features = style.tracking() == 0 ? style.features() : style.features().withoutLigatures();
        }

        /** Adds a run of text set in the first of {@code faces} that has each character's glyph. */
        void text(String text, List<FontFace> faces, Rgb color, String href) {
            FontFace face = faces.getFirst();
            checkFeatures(face);
            StringBuilder piece = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == NO_BREAK_SPACE || c == NARROW_NO_BREAK_SPACE) {
                    flushPiece(piece, color, href);
                    endWord();
                    compound = false;
                    if (!items.isEmpty() || !word.isEmpty()) {
                        boolean noBreak = c == NO_BREAK_SPACE || c == NARROW_NO_BREAK_SPACE || tied.get(offset + i);
                        pendingNoBreak = pendingSpace == null ? noBreak : pendingNoBreak || noBreak;
                        // Between words of a fallback font (Arabic, say), its own space.
                        FontFace spaceFace = pieceFace != null && pieceFace != face && faces.contains(pieceFace)
                                && pieceFace.canDisplay(' ') ? pieceFace : face;
                        pendingSpace = fragment(" ", spaceFace, color, href, analysis.level(offset + i));
                    }
                    continue;
                }
                if (analysis.breakBefore(offset + i) && (!piece.isEmpty() || !word.isEmpty())) {
                    // Between East Asian characters: a line may end here, at no cost.
                    flushPiece(piece, color, href);
                    endWord();
                    double stretch = justify ? EAST_ASIAN_STRETCH * style.size() : 0;
                    items.add(new Item.Glue(0, stretch, 0, null));
                }
                chooseFace(text, i, faces, piece, color, href);
                boolean more = i + 1 < text.length() && text.charAt(i + 1) != ' ';
                if (href != null && c == '.' && !piece.isEmpty() && more) {
                    // Before a dot of an address, so that the dot starts the next line.
                    flushPiece(piece, color, href);
                    endWord();
                    items.add(new Item.Penalty(0, ADDRESS_PENALTY, false, null));
                    chooseFace(text, i, faces, piece, color, href);
                }
                piece.append(c);
                if (href == null && BREAK_AFTER.indexOf(c) >= 0 && more && !tied.get(offset + i)) {
                    flushPiece(piece, color, href);
                    compound = true;
                    endWord();
                    boolean hyphen = c == '-' || c == '\u2010';
                    items.add(new Item.Penalty(0, hyphen ? EXPLICIT_HYPHEN_PENALTY : 0, hyphen, null));
                } else if (href != null && (c == '/' || c == '-') && more && text.charAt(i + 1) != '/'
                        && !(i > 0 && text.charAt(i - 1) == '/')) {
                    flushPiece(piece, color, href);
                    endWord();
                    items.add(new Item.Penalty(0, ADDRESS_PENALTY, false, null));
                }
            }
            flushPiece(piece, color, href);
            offset += text.length();
        }

        /**
         * Sets the face and level of character {@code i} of {@code text}: the first face that has its glyph
         * (the first face if none has), the level the bidirectional algorithm gave it. A mark, joiner or
         * variation selector stays with the character before it, in its face. Where the face or the
         * level changes, the piece collected so far becomes a fragment of its own.
         */
        void chooseFace(String text, int i, List<FontFace> faces, StringBuilder piece, Rgb color, String href) {
            char c = text.charAt(i);
            int level = analysis.level(offset + i);
            FontFace face;
            if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))
                    || !piece.isEmpty() && clings(text.codePointAt(i))) {
                face = pieceFace;
                level = pieceLevel;
            } else {
                int cp = text.codePointAt(i);
                face = faces.getFirst();
                for (FontFace candidate : faces.size() == 1 ? List.<FontFace>of() : faces) {
                    if (candidate.hasGlyph(cp)) {
                        face = candidate;
                        break;
                    }
                }
            }
            if (!piece.isEmpty() && (face != pieceFace || level != pieceLevel)) {
                flushPiece(piece, color, href);
            }
            pieceFace = face;
            pieceLevel = level;
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

        void flushPiece(StringBuilder piece, Rgb color, String href) {
            if (piece.isEmpty()) {
                return;
            }
            if (pendingSpace != null) {
                addGlue(pendingSpace, pendingNoBreak);
                pendingSpace = null;
                pendingNoBreak = false;
            }
            word.add(fragment(piece.toString(), pieceFace, color, href, pieceLevel));
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

        Fragment fragment(String text, FontFace face, Rgb color, String href, int level) {
            OptionalInt missing = face.missingGlyph(text);
            if (missing.isPresent() && reported.add("glyph\u0000" + missing.getAsInt())) {
                int cp = missing.getAsInt();
                diagnostics.error(where, String.format(Locale.ROOT, "character '%s' (U+%04X) has no glyph in font %s%s",
                                new String(Character.toChars(cp)), cp, face.file().getFileName(), fallbackNames()),
                        "replace the character, or choose a font family in the theme that has it"
                                + (fallbackNames().isEmpty() ? ", or name one that has it in the family's 'fallback'"
                                        : ""));
            } else if (missing.isEmpty() && TextAnalysis.joiningScript(text) && !face.shapesScript("arab")
                    && reported.add("arab\u0000" + face.file())) {
                diagnostics.error(where, "font " + face.file().getFileName() + " has no rules for joining Arabic"
                                + " letters, so '" + text + "' cannot be set right",
                        "choose a font made for Arabic (Noto Sans Arabic, Amiri, …) for the family or as its fallback");
            }
            boolean rightToLeft = (level & 1) == 1;
            return new Fragment(face, style.size(), color, href, face.shape(text, features, rightToLeft),
                    style.tracking(), features, level, analysis.base(), lang);
        }

        /** ", nor in its fallback fonts …" when the style's family has fallback families. */
        String fallbackNames() {
            List<String> fallback = theme.fonts().get(style.family()).fallback();
            return fallback.isEmpty() ? "" : " nor in the fallback families " + String.join(", ", fallback);
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
        String paragraph = whole.toString();
        TextAnalysis.unsupportedScripts(paragraph).forEach((script, cp) -> diagnostics.error(where,
                String.format(Locale.ROOT, "the text is in the %s script ('%s', U+%04X), which brochure cannot set",
                        script, new String(Character.toChars(cp)), cp),
                "brochure sets " + String.join(", ", TextAnalysis.supportedNames()) + " text; write this text in"
                        + " one of these, or leave it out"));
        Builder b = new Builder(style, justify, where,
                hyphenate ? new WordHyphenation(hyphenator, style.hyphenPenalty()) : null, NoBreakRules.tied(paragraph),
                TextAnalysis.of(paragraph));
        if (indent > 0) {
            b.items.add(new Item.Box(indent, List.of()));
        }
        FontFamily family = theme.fonts().get(style.family());
        for (Inline inline : inlines) {
            switch (inline) {
                case Inline.Run run -> {
                    boolean bold = style.bold() || run.bold();
                    boolean italic = style.italic() != run.italic();
                    List<FontFace> chain = new ArrayList<>();
                    chain.add(faces.face(family, bold, italic));
                    for (String name : family.fallback()) {
                        FontFamily fallback = theme.fonts().get(name);
                        if (fallback != null) {
                            chain.add(faces.face(fallback, bold, italic));
                        }
                    }
                    b.lang = run.lang();
                    b.text(text(run, style), chain, run.color() != null ? run.color() : style.color(), run.href());
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

    /** Marks, joiners and variation selectors, set with the character before them. */
    private static boolean clings(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || cp == 0x200C || cp == 0x200D
                || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    private static String text(Inline.Run run, TextStyle style) {
        return style.uppercase() ? run.text().toUpperCase(Locale.ROOT) : run.text();
    }
}
