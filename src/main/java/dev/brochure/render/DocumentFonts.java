package dev.brochure.render;

import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfIndirectReference;
import org.openpdf.text.pdf.PdfLiteral;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The fonts of one document, embedded by the renderer itself: for each font file the glyphs the
 * document draws from it, and, once the pages are drawn, the PDF objects of a composite font
 * (Type 0, Identity-H) whose descendant is a CIDFontType2 with
 * <ul>
 *   <li>a subset of the font program made by fontbox ({@link EmbeddableFont#subset}), tagged
 *       with six letters that follow from the font and the glyph set;</li>
 *   <li>CIDs that are the font's own glyph ids (what typesetting chose), mapped to the subset's
 *       renumbered glyphs by a {@code /CIDToGIDMap} stream;</li>
 *   <li>{@code /W} widths from {@link EmbeddableFont#width}, the numbers the pen advances by;</li>
 *   <li>a ToUnicode CMap from the typeset text ({@link ToUnicodeMaps}), so ligatures and
 *       alternates extract as the letters they show.</li>
 * </ul>
 * Every object is made here with OpenPDF's object classes and added with
 * {@link PdfWriter#addToBody}; OpenPDF's own font code is not involved.
 */
final class DocumentFonts {

    /** A font as page content refers to it: its resource name (F1, …) and the Type 0 font's reference. */
    record Resource(String name, PdfIndirectReference reference, EmbeddableFont font) {
    }

    private static final PdfName IDENTITY_H = new PdfName("Identity-H");

    private final Map<Path, Resource> resources = new LinkedHashMap<>();
    private final Map<Path, SortedSet<Integer>> glyphs = new LinkedHashMap<>();
    private final Map<Path, TreeMap<Integer, String>> texts;

    /**
     * Plans the fonts of {@code pages}: names them F1, F2, … in the order the pages first use
     * them, and reserves the reference of each one's Type 0 font.
     */
    DocumentFonts(PdfWriter writer, Iterable<Page> pages, Function<Path, EmbeddableFont> fonts) {
        // Tallied in bit sets (a document draws tens of thousands of glyphs, a few hundred distinct).
        Map<Path, BitSet> drawn = new LinkedHashMap<>();
        for (Page page : pages) {
            for (PageItem item : page.items()) {
                if (item instanceof PageItem.GlyphRun run && run.glyphs().length > 0) {
                    BitSet set = drawn.computeIfAbsent(run.font(), f -> new BitSet());
                    for (int g : run.glyphs()) {
                        set.set(g);
                    }
                }
            }
        }
        drawn.forEach((font, set) -> glyphs.put(font, set.stream().boxed()
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new))));
        for (Path file : glyphs.keySet()) {
            resources.put(file, new Resource("F" + (resources.size() + 1), writer.getPdfIndirectReference(),
                    fonts.apply(file)));
        }
        this.texts = ToUnicodeMaps.of(pages);
    }

    Resource get(Path font) {
        Resource resource = resources.get(font);
        if (resource == null) {
            throw new IllegalStateException("font " + font + " was not planned for this document");
        }
        return resource;
    }

    /** Writes every font's objects; the Type 0 font at its reserved reference. */
    void write(PdfWriter writer) throws IOException {
        write(writer, null);
    }

    /** As {@link #write(PdfWriter)}, taking the fonts' finished parts from {@code cache} when it has them. */
    void write(PdfWriter writer, RenderCache cache) throws IOException {
        for (Map.Entry<Path, Resource> e : resources.entrySet()) {
            Resource resource = e.getValue();
            SortedSet<Integer> set = glyphs.get(e.getKey());
            TreeMap<Integer, String> text = texts.getOrDefault(e.getKey(), new TreeMap<>());
            int level = writer.getCompressionLevel();
            RenderCache.FontParts parts;
            if (cache == null) {
                parts = parts(resource.font(), set, text, level);
            } else {
                parts = cache.font(new RenderCache.FontKey(resource.font(), set, text), () -> {
                    try {
                        return parts(resource.font(), set, text, level);
                    } catch (IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                });
            }
            write(writer, resource, parts);
        }
    }

    /** What a font's objects hold that depends only on the font, its glyphs and their text: made once per set. */
    private static RenderCache.FontParts parts(EmbeddableFont font, SortedSet<Integer> glyphs,
            TreeMap<Integer, String> text, int level) throws IOException {
        EmbeddableFont.Subset subset = font.subset(glyphs);
        return new RenderCache.FontParts(font.subsetTag(glyphs) + "+" + font.postScriptName(),
                compressed(subset.program(), level), subset.program().length, compressed(cidToGidMap(glyphs, subset), level),
                widths(font, glyphs), compressed(ToUnicodeMaps.cmap(text), level));
    }

    /** {@code raw} compressed exactly as OpenPDF compresses a stream at {@code level}. */
    private static byte[] compressed(byte[] raw, int level) throws IOException {
        PdfStream stream = new PdfStream(raw);
        stream.flateCompress(level);
        if (!PdfName.FLATEDECODE.equals(stream.get(PdfName.FILTER))) {
            throw new IllegalStateException("OpenPDF did not compress a font stream");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
        stream.writeContent(out);
        return out.toByteArray();
    }

    /** A stream of already compressed bytes: the same object {@link PdfStream#flateCompress} makes of the raw ones. */
    private static PdfStream stream(byte[] compressed) {
        PdfStream stream = new PdfStream(compressed);
        stream.put(PdfName.FILTER, PdfName.FLATEDECODE);
        return stream;
    }

    private static void write(PdfWriter writer, Resource resource, RenderCache.FontParts parts) throws IOException {
        EmbeddableFont font = resource.font();
        PdfName name = new PdfName(parts.name());

        PdfStream program = stream(parts.program());
        program.put(PdfName.LENGTH1, new PdfNumber(parts.programLength()));

        PdfDictionary descriptor = new PdfDictionary(PdfName.FONTDESCRIPTOR);
        descriptor.put(PdfName.FONTNAME, name);
        descriptor.put(PdfName.FLAGS, new PdfNumber(font.flags()));
        double[] box = font.bbox();
        descriptor.put(PdfName.FONTBBOX, new PdfLiteral("[" + PdfNumbers.format(box[0], 3) + " "
                + PdfNumbers.format(box[1], 3) + " " + PdfNumbers.format(box[2], 3) + " "
                + PdfNumbers.format(box[3], 3) + "]"));
        descriptor.put(PdfName.ITALICANGLE, number(font.italicAngle()));
        descriptor.put(PdfName.ASCENT, number(font.ascent()));
        descriptor.put(PdfName.DESCENT, number(font.descent()));
        descriptor.put(PdfName.CAPHEIGHT, number(font.capHeight()));
        descriptor.put(PdfName.STEMV, new PdfNumber(80)); // unknown for TrueType; the customary guess
        descriptor.put(PdfName.FONTFILE2, writer.addToBody(program).getIndirectReference());

        PdfStream cidToGid = stream(parts.cidToGid());

        PdfDictionary systemInfo = new PdfDictionary();
        systemInfo.put(PdfName.REGISTRY, new PdfString("Adobe"));
        systemInfo.put(PdfName.ORDERING, new PdfString("Identity"));
        systemInfo.put(PdfName.SUPPLEMENT, new PdfNumber(0));

        PdfDictionary cidFont = new PdfDictionary(PdfName.FONT);
        cidFont.put(PdfName.SUBTYPE, PdfName.CIDFONTTYPE2);
        cidFont.put(PdfName.BASEFONT, name);
        cidFont.put(PdfName.CIDSYSTEMINFO, systemInfo);
        cidFont.put(PdfName.FONTDESCRIPTOR, writer.addToBody(descriptor).getIndirectReference());
        cidFont.put(PdfName.W, new PdfLiteral(parts.widths()));
        cidFont.put(PdfName.CIDTOGIDMAP, writer.addToBody(cidToGid).getIndirectReference());

        PdfStream toUnicode = stream(parts.toUnicode());

        PdfDictionary type0 = new PdfDictionary(PdfName.FONT);
        type0.put(PdfName.SUBTYPE, PdfName.TYPE0);
        type0.put(PdfName.BASEFONT, name);
        type0.put(PdfName.ENCODING, IDENTITY_H);
        type0.put(PdfName.DESCENDANTFONTS, new PdfArray(writer.addToBody(cidFont).getIndirectReference()));
        type0.put(PdfName.TOUNICODE, writer.addToBody(toUnicode).getIndirectReference());
        writer.addToBody(type0, resource.reference());
    }

    /**
     * The {@code /W} array: the width of every glyph drawn, runs of consecutive CIDs grouped as
     * {@code c [w1 w2 …]}.
     */
    static String widths(EmbeddableFont font, SortedSet<Integer> glyphs) {
        StringBuilder w = new StringBuilder("[");
        int previous = -2;
        for (int glyph : glyphs) {
            if (glyph != previous + 1) {
                if (previous >= 0) {
                    w.append(']');
                }
                w.append(glyph).append('[');
            } else {
                w.append(' ');
            }
            PdfNumbers.append(w, font.width(glyph), 3);
            previous = glyph;
        }
        if (previous >= 0) {
            w.append(']');
        }
        return w.append(']').toString();
    }

    /** Two bytes per CID from 0 to the largest drawn: the subset's glyph for each drawn CID, 0 elsewhere. */
    private static byte[] cidToGidMap(SortedSet<Integer> glyphs, EmbeddableFont.Subset subset) {
        byte[] map = new byte[2 * (glyphs.last() + 1)];
        for (int cid : glyphs) {
            int gid = subset.newGlyph()[cid];
            map[2 * cid] = (byte) (gid >> 8);
            map[2 * cid + 1] = (byte) gid;
        }
        return map;
    }

    private static PdfObject number(double value) {
        return new PdfLiteral(PdfNumbers.format(value, 3));
    }
}
