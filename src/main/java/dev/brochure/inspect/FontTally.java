package dev.brochure.inspect;

import dev.brochure.inspect.report.FontInfo;
import dev.brochure.inspect.report.GlyphProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;

/**
 * Counts, over a whole document, the fonts that show text (in the order they are first used) and
 * the character codes a font cannot show or cannot map back to a character.
 */
final class FontTally {

    private static final Pattern SUBSET = Pattern.compile("[A-Z]{6}\\+.+");

    /** A font seen so far: its identity is its dictionary, as two fonts may share a name. */
    private static final class Seen {
        final PDFont font;
        final String name;
        final TreeSet<Integer> pages = new TreeSet<>();
        /** Per code: OK, or the problem it has (looked up once per font and code). */
        final Map<Integer, String> status = new LinkedHashMap<>();

        Seen(PDFont font, String name) {
            this.font = font;
            this.name = name;
        }
    }

    private record ProblemKey(int page, Seen font, int code) {
    }

    private static final String OK = "ok";

    private final Map<COSDictionary, Seen> fonts = new IdentityHashMap<>();
    private final List<Seen> order = new ArrayList<>();
    private final Map<ProblemKey, Integer> problems = new LinkedHashMap<>();

    void shown(int page, PDFont font, int code) {
        Seen seen = fonts.computeIfAbsent(font.getCOSObject(), dict -> {
            Seen s = new Seen(font, name(font));
            order.add(s);
            return s;
        });
        seen.pages.add(page);
        String status = seen.status.computeIfAbsent(code, c -> status(font, c));
        if (status != OK) {
            problems.merge(new ProblemKey(page, seen, code), 1, Integer::sum);
        }
    }

    List<FontInfo> fonts() {
        return order.stream().map(s -> new FontInfo(s.name, type(s.font), s.font.isEmbedded(),
                SUBSET.matcher(s.name).matches(), List.copyOf(s.pages))).toList();
    }

    List<GlyphProblem> problems() {
        List<GlyphProblem> out = new ArrayList<>();
        problems.forEach((key, count) -> {
            out.add(new GlyphProblem(key.page(), key.font().name, key.code(), unicode(key.font().font, key.code()),
                    key.font().status.get(key.code()), count));
        });
        return out;
    }

    private static String status(PDFont font, int code) {
        if (!hasGlyph(font, code)) {
            return GlyphProblem.NOTDEF;
        }
        return unicode(font, code) == null || identityWithoutToUnicode(font) ? GlyphProblem.NO_UNICODE : OK;
    }

    /**
     * A composite font with Identity encoding has codes that are glyph ids, which mean nothing
     * outside the font: only its ToUnicode map says which characters they are. PDFBox guesses
     * from the embedded font's own character map when the ToUnicode map is missing, but other
     * readers do not (their search and copy come out empty), so such a font counts as unmapped.
     */
    private static boolean identityWithoutToUnicode(PDFont font) {
        if (!(font instanceof PDType0Font) || font.getCOSObject().containsKey(COSName.TO_UNICODE)) {
            return false;
        }
        COSName encoding = font.getCOSObject().getCOSName(COSName.ENCODING);
        return encoding != null && encoding.getName().startsWith("Identity-");
    }

    private static String unicode(PDFont font, int code) {
        try {
            return font.toUnicode(code);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether the font has a real glyph (not .notdef) for the code. A font that is not embedded
     * is drawn with whatever the viewer substitutes, so its glyphs cannot be judged here; the
     * font-embedding rule reports that font instead.
     */
    private static boolean hasGlyph(PDFont font, int code) {
        if (!font.isEmbedded() && !(font instanceof PDType3Font)) {
            return true;
        }
        try {
            return switch (font) {
                case PDType3Font type3 -> type3.getCharProc(code) != null;
                case PDVectorFont vector -> vector.hasGlyph(code);
                default -> true;
            };
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String name(PDFont font) {
        String name = font.getName();
        return name == null || name.isBlank() ? "(unnamed " + type(font) + " font)" : name;
    }

    private static String type(PDFont font) {
        String type = subtype(font.getCOSObject());
        if (font instanceof PDType0Font composite && composite.getDescendantFont() != null) {
            type += "/" + subtype(composite.getDescendantFont().getCOSObject());
        }
        return type;
    }

    private static String subtype(COSDictionary dict) {
        COSName subtype = dict.getCOSName(COSName.SUBTYPE);
        return subtype == null ? "unknown" : subtype.getName();
    }
}
