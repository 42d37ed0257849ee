package dev.brochure.typeset.text;

import dev.brochure.world.font.ShapedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one shaped word into boxes with hyphenation penalties between them, where the word may
 * be hyphenated and doing so changes nothing else about how it is drawn.
 *
 * <p>Which words: only plain lower-case words of letters (after leading and trailing
 * punctuation), so names, acronyms and other capitalised words, words with digits, addresses and
 * link text are never hyphenated.
 *
 * <p>How: the word stays shaped as a whole (its ligatures and kerning intact), and is cut at a
 * hyphenation point only if no glyph straddles it, shaping the part before the point with a
 * hyphen gives the same glyphs plus the hyphen, and shaping the part after gives the same
 * glyphs. So "office" keeps its ffi ligature and is simply not hyphenated inside it. The
 * penalty's width is what the line gains by ending there: the hyphen plus the change of kerning
 * at the cut; {@link LineSetter} draws the hyphen accordingly.
 *
 * <p>Cost: a word longer than {@value #MAX_WORD} characters is not hyphenated at all (no
 * dictionary word is that long; it is a run of letters with no place to break), so the work per
 * word is bounded and a paragraph's hyphenation takes time linear in its length.
 */
final class WordHyphenation {

    /** Longer words are left whole: checking each cut reshapes the word's start, which is quadratic. */
    static final int MAX_WORD = 64;

    private final Hyphenator hyphenator;
    private final double hyphenPenalty;

    /** {@code hyphenPenalty}: what a line ending at a hyphenation point costs (TeX's {@code \hyphenpenalty}). */
    WordHyphenation(Hyphenator hyphenator, double hyphenPenalty) {
        this.hyphenator = hyphenator;
        this.hyphenPenalty = hyphenPenalty;
    }

    /** A place to cut: in fragment {@code fragment}, before its character {@code offset}. */
    private record Cut(int fragment, int offset) {
    }

    /** The items of a word made of {@code fragments}: one box, or boxes and hyphenation penalties. */
    List<Item> items(List<Fragment> fragments) {
        List<Cut> cuts = cuts(fragments);
        List<Item> out = new ArrayList<>();
        List<Fragment> box = new ArrayList<>();
        int c = 0;
        for (int f = 0; f < fragments.size(); f++) {
            Fragment fragment = fragments.get(f);
            int from = 0;
            while (c < cuts.size() && cuts.get(c).fragment() == f) {
                Cut cut = cuts.get(c++);
                Item.Penalty penalty = penalty(fragment, cut.offset());
                if (penalty == null) {
                    continue;
                }
                ShapedText shaped = fragment.shaped();
                Fragment before = with(fragment, shaped.slice(shaped.glyphAt(from), shaped.glyphAt(cut.offset())));
                if (before.shaped().length() > 0) {
                    box.add(before);
                }
                out.add(box(box));
                box.clear();
                out.add(penalty);
                from = cut.offset();
            }
            ShapedText shaped = fragment.shaped();
            if (from == 0) {
                box.add(fragment);
            } else if (from < shaped.text().length()) {
                box.add(with(fragment, shaped.slice(shaped.glyphAt(from), shaped.length())));
            }
        }
        out.add(box(box));
        return out;
    }

    private static Item.Box box(List<Fragment> fragments) {
        return new Item.Box(fragments.stream().mapToDouble(Fragment::width).sum(), fragments);
    }

    private static Fragment with(Fragment f, ShapedText shaped) {
        return f.with(shaped);
    }

    /**
     * The penalty for hyphenating {@code f} before character {@code offset}, or null where that
     * would change the glyphs (a ligature or contextual form across the point).
     */
    private Item.Penalty penalty(Fragment f, int offset) {
        ShapedText whole = f.shaped();
        int g = whole.glyphAt(offset);
        if (g <= 0 || g > whole.length()) {
            return null;
        }
        String text = whole.text();
        ShapedText hyphen = f.shape("-");
        ShapedText pre = f.shape(text.substring(0, offset) + "-");
        int[] expected = java.util.Arrays.copyOf(whole.glyphs(), g + hyphen.length());
        System.arraycopy(hyphen.glyphs(), 0, expected, g, hyphen.length());
        if (!pre.sameGlyphs(expected)) {
            return null;
        }
        if (offset < text.length()) {
            ShapedText post = f.shape(text.substring(offset));
            if (!post.sameGlyphs(java.util.Arrays.copyOfRange(whole.glyphs(), g, whole.length()))) {
                return null;
            }
        }
        Fragment preBreak = with(f, pre);
        Fragment prefix = with(f, whole.slice(0, g));
        Fragment drawn = with(f, hyphen);
        return new Item.Penalty(preBreak.width() - prefix.width(), hyphenPenalty, true, drawn);
    }

    /** The hyphenation points of the word, as cuts inside (or at the end of) its fragments. */
    private List<Cut> cuts(List<Fragment> fragments) {
        StringBuilder text = new StringBuilder();
        for (Fragment f : fragments) {
            text.append(f.shaped().text());
        }
        String word = text.toString();
        if (word.length() > MAX_WORD || !hyphenatable(word) || fragments.stream().anyMatch(Fragment::rightToLeft)) {
            return List.of();
        }
        List<Cut> cuts = new ArrayList<>();
        int i = 0;
        while (i < word.length()) {
            if (!Character.isLetter(word.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < word.length() && Character.isLetter(word.charAt(i))) {
                i++;
            }
            String letters = word.substring(start, i);
            if (!letters.equals(letters.toLowerCase(java.util.Locale.ROOT))) {
                continue; // a name, an acronym, or a capitalised word
            }
            for (int point : hyphenator.points(letters)) {
                cut(fragments, start + point).ifPresent(cuts::add);
            }
        }
        return cuts;
    }

    /** Words with digits, addresses and the like are left whole. */
    private static boolean hyphenatable(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isDigit(c) || c == '@' || c == '/' || c == '\\' || c == '_' || c == '#') {
                return false;
            }
        }
        return !word.contains("www.");
    }

    /** The cut at character {@code at} of the whole word; never inside link text. */
    private static java.util.Optional<Cut> cut(List<Fragment> fragments, int at) {
        int start = 0;
        for (int f = 0; f < fragments.size(); f++) {
            Fragment fragment = fragments.get(f);
            int length = fragment.shaped().text().length();
            if (at > start && at <= start + length) {
                boolean atEnd = at == start + length;
                if (fragment.href() != null || atEnd && f + 1 < fragments.size() && fragments.get(f + 1).href() != null) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new Cut(f, at - start));
            }
            start += length;
        }
        return java.util.Optional.empty();
    }
}
