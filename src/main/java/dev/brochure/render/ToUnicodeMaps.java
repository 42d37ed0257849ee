package dev.brochure.render;

import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each drawn glyph stands for, per font file, and the ToUnicode CMap that says so in the
 * PDF. Text extraction, search and copy-and-paste read the CMap; it must give every glyph its
 * characters, several for a ligature ("ffi"), and the character shaping actually replaced for a
 * contextual alternate. The text comes from the typeset glyph runs ({@link PageItem.GlyphRun#textOf}),
 * not from the font's character map, so it is what the content said.
 *
 * <p>A glyph that stands for different texts in different places (a font's one space glyph for
 * both U+0020 and U+00A0) is mapped to the text it shows most often, ties broken by the lower
 * code, so the result is deterministic.
 */
final class ToUnicodeMaps {

    private ToUnicodeMaps() {
    }

    /**
     * How often one glyph shows each text: the first text it was seen with, counted without
     * making a string of every occurrence, and any other texts in a map.
     */
    private static final class Tally {
        final String first;
        int count = 1;
        Map<String, Integer> others;

        Tally(String first) {
            this.first = first;
        }

        void add(String text, int start, int end) {
            if (first.length() == end - start && text.regionMatches(start, first, 0, first.length())) {
                count++;
            } else {
                if (others == null) {
                    others = new HashMap<>();
                }
                others.merge(text.substring(start, end), 1, Integer::sum);
            }
        }

        /** The text shown most often, ties broken by the lower code. */
        String chosen() {
            if (others == null) {
                return first;
            }
            Map<String, Integer> all = new HashMap<>(others);
            all.merge(first, count, Integer::sum);
            return all.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                    .orElseThrow().getKey();
        }
    }

    /** For each font file, glyph id to the text it shows, in glyph order. */
    static Map<Path, TreeMap<Integer, String>> of(Iterable<Page> pages) {
        Map<Path, Map<Integer, Tally>> counts = new HashMap<>();
        for (Page page : pages) {
            for (PageItem item : page.items()) {
                if (item instanceof PageItem.GlyphRun run) {
                    Map<Integer, Tally> font = counts.computeIfAbsent(run.font(), f -> new HashMap<>());
                    int[] clusters = run.clusters();
                    String text = run.text();
                    for (int i = 0; i < run.glyphs().length; i++) {
                        // The characters of glyph i, as GlyphRun.textOf gives them, without the string.
                        int start = clusters[i];
                        int end = run.textEnd(i);
                        if (end <= start) {
                            continue;
                        }
                        Tally tally = font.get(run.glyphs()[i]);
                        if (tally == null) {
                            font.put(run.glyphs()[i], new Tally(text.substring(start, end)));
                        } else {
                            tally.add(text, start, end);
                        }
                    }
                }
            }
        }
        Map<Path, TreeMap<Integer, String>> out = new HashMap<>();
        counts.forEach((font, glyphs) -> {
            TreeMap<Integer, String> map = new TreeMap<>();
            glyphs.forEach((glyph, tally) -> map.put(glyph, tally.chosen()));
            out.put(font, map);
        });
        return out;
    }

    /** The CMap program mapping 2-byte glyph codes (Identity-H) to UTF-16BE text. */
    static byte[] cmap(TreeMap<Integer, String> glyphs) {
        StringBuilder b = new StringBuilder();
        b.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var entries = glyphs.entrySet().iterator();
        int left = glyphs.size();
        while (left > 0) {
            int block = Math.min(100, left); // a bfchar block may hold at most 100 entries
            b.append(block).append(" beginbfchar\n");
            for (int k = 0; k < block; k++) {
                var e = entries.next();
                b.append('<').append(String.format(Locale.ROOT, "%04X", e.getKey())).append("> <");
                for (char c : e.getValue().toCharArray()) {
                    b.append(String.format(Locale.ROOT, "%04X", (int) c));
                }
                b.append(">\n");
            }
            b.append("endbfchar\n");
            left -= block;
        }
        b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
