package dev.brochure.inspect;

import java.text.Bidi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;

/**
 * A tagged PDF's text in the order of its logical structure, which is the order a screen reader
 * reads it in: the structure tree is walked from its root, and each element's marked content is
 * looked up by where it is (its page or form, and its MCID). The text of each marked-content
 * sequence comes from {@link ContentScanner}.
 */
public final class ReadingOrder {

    /** A marked-content sequence: the stream it is in (a page's dictionary or a form's stream) and its MCID. */
    record Key(Object stream, int mcid) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.stream == stream && k.mcid == mcid;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(stream) * 31 + mcid;
        }
    }

    /**
     * The text of one marked-content sequence, and the baselines of its first and last glyph.
     * Glyphs come in the order they are drawn, which on a line of right-to-left text is the visual
     * one: each line is put back in logical order as PDF readers do (the Unicode bidirectional
     * algorithm's levels of the line's text, each right-to-left stretch reversed).
     */
    static final class Sequence {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        double firstBaseline = Double.NaN;
        double lastBaseline = Double.NaN;

        /** Adds a glyph's text on {@code baseline}; a glyph on a new line gets the space the line break took. */
        void add(String glyph, double baseline, double size) {
            if (!Double.isNaN(lastBaseline) && Math.abs(lastBaseline - baseline) > 0.5 * size) {
                endLine();
                if (!text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1))) {
                    text.append(' ');
                }
            }
            if (Double.isNaN(firstBaseline)) {
                firstBaseline = baseline;
            }
            lastBaseline = baseline;
            // A ligature of right-to-left letters (lam-alef) shows its characters in logical order:
            // reversed here, the line's reversal puts them back.
            boolean rightToLeft = !glyph.isEmpty() && switch (Character.getDirectionality(glyph.codePointAt(0))) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> true;
                default -> false;
            };
            line.append(rightToLeft && glyph.length() > 1 ? new StringBuilder(glyph).reverse() : glyph);
        }

        private void endLine() {
            text.append(logical(line.toString()));
            line.setLength(0);
        }

        /** The sequence's text, in logical order. */
        String text() {
            endLine();
            return text.toString();
        }

        /** A line's text drawn in visual order, in logical order. */
        static String logical(String visual) {
            Bidi bidi = new Bidi(visual, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
            if (bidi.isLeftToRight()) {
                return visual;
            }
            int runs = bidi.getRunCount();
            byte[] levels = new byte[runs];
            Integer[] order = new Integer[runs];
            for (int i = 0; i < runs; i++) {
                levels[i] = (byte) bidi.getRunLevel(i);
                order[i] = i;
            }
            Bidi.reorderVisually(levels, 0, order, 0, runs);
            StringBuilder b = new StringBuilder(visual.length());
            for (int i : order) {
                String run = visual.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
                b.append((bidi.getRunLevel(i) & 1) == 1 ? new StringBuilder(run).reverse() : run);
            }
            return b.toString();
        }
    }

    /**
     * One element as a reader meets it: its structure type ({@code P}, {@code H1}, {@code Figure},
     * {@code Lbl}, …) and its text (for a figure, its alternate description). Elements that only
     * group others (sections, lists, divisions) are not blocks; their blocks are.
     */
    public record Block(String role, String text) {
    }

    private static COSName stmName() {
        return COSName.getPDFName("Stm");
    }

    private static COSName mcrName() {
        return COSName.getPDFName("MCR");
    }

    private static COSName objrName() {
        return COSName.getPDFName("OBJR");
    }

    private static final int MAX_DEPTH = 64;
    private static final Set<String> TEXT_ROLES = Set.of("H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "Lbl", "Caption",
            "TH", "TD", "Note", "Title");

    private final Map<Key, Sequence> text;
    private final List<Block> blocks = new ArrayList<>();
    private final Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The last sequence read into the block being collected. */
    private Sequence previous;

    private ReadingOrder(Map<Key, Sequence> text) {
        this.text = text;
    }

    /** The blocks of the structure tree rooted at {@code root} (the catalogue's StructTreeRoot). */
    static List<Block> of(COSDictionary root, Map<Key, Sequence> text) {
        ReadingOrder order = new ReadingOrder(text);
        if (root != null) {
            order.kids(root.getDictionaryObject(COSName.K), null, 0);
        }
        return List.copyOf(order.blocks);
    }

    private void kids(COSBase k, COSDictionary page, int depth) {
        if (k instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                kid(array.getObject(i), page, depth);
            }
        } else if (k != null) {
            kid(k instanceof COSObject o ? o.getObject() : k, page, depth);
        }
    }

    private void kid(COSBase kid, COSDictionary page, int depth) {
        if (kid instanceof COSDictionary element && isElement(element)) {
            element(element, page, depth);
        } else {
            StringBuilder b = new StringBuilder();
            previous = null;
            content(kid, page, b);
            if (!b.isEmpty()) {
                blocks.add(new Block("", b.toString().strip()));
            }
        }
    }

    private static boolean isElement(COSDictionary d) {
        COSName type = d.getCOSName(COSName.TYPE);
        return !mcrName().equals(type) && !objrName().equals(type) && d.containsKey(COSName.S);
    }

    private void element(COSDictionary element, COSDictionary page, int depth) {
        if (depth > MAX_DEPTH || !seen.add(element)) {
            return;
        }
        String role = element.getNameAsString(COSName.S, "");
        COSDictionary own = element.getCOSDictionary(COSName.PG) != null ? element.getCOSDictionary(COSName.PG) : page;
        if ("Figure".equals(role) || "Formula".equals(role)) {
            String alt = element.getString(COSName.ALT);
            blocks.add(new Block(role, alt == null ? "" : alt));
            return;
        }
        if (TEXT_ROLES.contains(role)) {
            StringBuilder b = new StringBuilder();
            previous = null;
            collect(element.getDictionaryObject(COSName.K), own, b, depth);
            blocks.add(new Block(role, b.toString().replaceAll("\\s+", " ").strip()));
            return;
        }
        kids(element.getDictionaryObject(COSName.K), own, depth + 1);
    }

    /** All the text under {@code k}, in order. */
    private void collect(COSBase k, COSDictionary page, StringBuilder b, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (k instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array.getObject(i), page, b, depth);
            }
            return;
        }
        COSBase kid = k instanceof COSObject o ? o.getObject() : k;
        if (kid instanceof COSDictionary element && isElement(element)) {
            if (!seen.add(element)) {
                return;
            }
            COSDictionary own = element.getCOSDictionary(COSName.PG) != null ? element.getCOSDictionary(COSName.PG)
                    : page;
            collect(element.getDictionaryObject(COSName.K), own, b, depth + 1);
        } else {
            content(kid, page, b);
        }
    }

    /** The text of a marked-content kid: an MCID on {@code page}, or a marked-content reference. */
    private void content(COSBase kid, COSDictionary page, StringBuilder b) {
        Key key = null;
        if (kid instanceof COSInteger mcid && page != null) {
            key = new Key(page, mcid.intValue());
        } else if (kid instanceof COSDictionary d && mcrName().equals(d.getCOSName(COSName.TYPE, mcrName()))
                && d.containsKey(COSName.MCID)) {
            COSBase stm = d.getDictionaryObject(stmName());
            COSDictionary pg = d.getCOSDictionary(COSName.PG) != null ? d.getCOSDictionary(COSName.PG) : page;
            Object stream = stm instanceof COSDictionary s ? s : pg;
            key = stream == null ? null : new Key(stream, d.getInt(COSName.MCID));
        }
        Sequence found = key == null ? null : text.get(key);
        if (found != null) {
            // A sequence that starts on another line than the last one ended on: the line break's space.
            if (previous != null && previous.lastBaseline != found.firstBaseline && !b.isEmpty()
                    && !Character.isWhitespace(b.charAt(b.length() - 1))) {
                b.append(' ');
            }
            b.append(found.text());
            previous = found;
        }
    }
}
