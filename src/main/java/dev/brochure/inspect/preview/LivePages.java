package dev.brochure.inspect.preview;

import dev.brochure.diag.BrochureException;
import dev.brochure.inspect.PdfFiles;
import dev.brochure.vocab.SourceLocation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF's pages as PNG images in memory with the text each shows, for {@code brochure watch}'s
 * page (the text becomes each image's description, so the page is readable without the images).
 * A page whose content and resources are byte for byte those of a page of the last rendering is
 * not rendered again: after an edit, only the pages it changed are.
 */
public final class LivePages {

    /**
     * One page: its number (from 1), its image as PNG bytes, its text, a digest of everything that
     * draws it (content, resources, boxes), which says whether it needs rendering again, and a
     * name for the image made from its bytes (the same name is always the same image).
     */
    public record Page(int number, byte[] png, String text, String fingerprint, String imageId) {
    }

    /** The most pages shown; a longer brochure shows its first pages. */
    public static final int MAX_PAGES = 200;

    private LivePages() {
    }

    public static List<Page> render(Path pdf, float dpi) {
        return render(pdf, dpi, List.of());
    }

    /** The pages of {@code pdf}, taking the image and text of each unchanged page from {@code previous}. */
    public static List<Page> render(Path pdf, float dpi, List<Page> previous) {
        Map<String, Page> known = new HashMap<>();
        for (Page page : previous) {
            known.put(page.fingerprint(), page);
        }
        try (PDDocument document = PdfFiles.open(pdf)) {
            PageRenderer renderer = new PageRenderer(document, true);
            PDFTextStripper stripper = new PDFTextStripper();
            Fingerprints fingerprints = new Fingerprints();
            List<Page> pages = new ArrayList<>();
            int count = Math.min(MAX_PAGES, document.getNumberOfPages());
            for (int number = 1; number <= count; number++) {
                String fingerprint = fingerprints.of(document.getPage(number - 1));
                Page same = known.get(fingerprint);
                if (same != null) {
                    pages.add(new Page(number, same.png(), same.text(), fingerprint, same.imageId()));
                    continue;
                }
                BufferedImage image = renderer.render(number, dpi);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                stripper.setStartPage(number);
                stripper.setEndPage(number);
                byte[] bytes = png.toByteArray();
                pages.add(new Page(number, bytes, stripper.getText(document).strip(), fingerprint,
                        HexFormat.of().formatHex(Fingerprints.sha256().digest(bytes), 0, 16)));
            }
            return List.copyOf(pages);
        } catch (IOException | RuntimeException e) {
            throw BrochureException.of(SourceLocation.of(pdf), "cannot render the preview: " + e.getMessage(),
                    "the PDF may be damaged; 'brochure inspect' may say more");
        }
    }

    /**
     * SHA-256 of what draws a page: its boxes, rotation, annotations, and its content's operators
     * and operands, where each name of a resource (a font, an image, a form, a graphics state) is
     * replaced by the digest of what it names, so that renumbered names ({@code /img102} becoming
     * {@code /img101} after an edit earlier in the document) and resources the page does not use
     * do not count. Streams are taken by their stored bytes, a subset font by its original font
     * ({@link #subset}); the structure tree's numbers ({@code /StructParents}, {@code /MCID}) and
     * links to other pages ("a page", whatever it shows) do not count. What a page names is hashed
     * once per document.
     */
    private static final class Fingerprints {
        private static final Pattern TAG = Pattern.compile("[A-Z]{6}\\+");
        /** What a subset font holds that depends on the glyphs of the whole document, not the page's. */
        private static final Set<COSName> SUBSET_PARTS = Set.of(COSName.FONT_FILE, COSName.FONT_FILE2,
                COSName.FONT_FILE3, COSName.CID_TO_GID_MAP, COSName.W, COSName.W2, COSName.CID_SET,
                COSName.TO_UNICODE, COSName.WIDTHS, COSName.FIRST_CHAR, COSName.LAST_CHAR);
        /** Keys that link objects to the document's structure, not to what is drawn. */
        private static final Set<COSName> NOT_DRAWN = Set.of(COSName.PARENT, COSName.P, COSName.STRUCT_PARENT,
                COSName.STRUCT_PARENTS, COSName.MCID);
        /** Keys of a page drawn otherwise (the boxes as inherited, the content by its tokens). */
        private static final Set<COSName> PAGE_DRAWN_OTHERWISE = Set.of(COSName.CONTENTS, COSName.RESOURCES,
                COSName.MEDIA_BOX, COSName.CROP_BOX, COSName.ROTATE);
        /** Keys of a form drawn otherwise (the content by its tokens, not its compressed bytes). */
        private static final Set<COSName> FORM_DRAWN_OTHERWISE = Set.of(COSName.RESOURCES, COSName.LENGTH,
                COSName.FILTER, COSName.DECODE_PARMS);
        private static final List<COSName> RESOURCE_KINDS = List.of(COSName.XOBJECT, COSName.FONT,
                COSName.EXT_G_STATE, COSName.COLORSPACE, COSName.PATTERN, COSName.SHADING, COSName.PROPERTIES);

        private final Map<COSBase, byte[]> named = new IdentityHashMap<>();
        private final Map<COSStream, byte[]> stored = new IdentityHashMap<>();

        String of(PDPage page) throws IOException {
            MessageDigest digest = sha256();
            COSDictionary dictionary = page.getCOSObject();
            add(digest, page.getMediaBox().getCOSArray(), dictionary);
            add(digest, page.getCropBox().getCOSArray(), dictionary);
            text(digest, "rotate " + page.getRotation());
            entries(digest, dictionary, dictionary, PAGE_DRAWN_OTHERWISE);
            byte[] content;
            try (InputStream in = page.getContents()) {
                content = in.readAllBytes();
            }
            content(digest, content, page.getResources().getCOSObject());
            return HexFormat.of().formatHex(digest.digest());
        }

        private void content(MessageDigest digest, byte[] content, COSDictionary resources) throws IOException {
            PDFStreamParser parser = new PDFStreamParser(content);
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (token instanceof Operator operator) {
                    text(digest, "op " + operator.getName());
                    if (operator.getImageData() != null) {
                        digest.update(operator.getImageData());
                        add(digest, operator.getImageParameters(), null);
                    }
                } else if (token instanceof COSName name && resource(resources, name) != null) {
                    digest.update(named(resource(resources, name), resources));
                } else if (token instanceof COSBase operand) {
                    add(digest, operand, null);
                }
            }
        }

        private static COSBase resource(COSDictionary resources, COSName name) {
            for (COSName kind : RESOURCE_KINDS) {
                COSDictionary those = resources.getCOSDictionary(kind);
                if (those != null && those.containsKey(name)) {
                    return those.getDictionaryObject(name);
                }
            }
            return null;
        }

        /** The digest of a resource a content names: a form by its own content, anything else as it is. */
        private byte[] named(COSBase resource, COSDictionary resources) throws IOException {
            byte[] known = named.get(resource);
            if (known != null) {
                return known;
            }
            MessageDigest digest = sha256();
            if (resource instanceof COSStream form && COSName.FORM.equals(form.getCOSName(COSName.SUBTYPE))) {
                text(digest, "form");
                entries(digest, form, null, FORM_DRAWN_OTHERWISE);
                COSDictionary own = form.getCOSDictionary(COSName.RESOURCES);
                byte[] content;
                try (InputStream in = form.createInputStream()) {
                    content = in.readAllBytes();
                }
                content(digest, content, own != null ? own : resources);
            } else {
                add(digest, resource, null);
            }
            byte[] result = digest.digest();
            named.put(resource, result);
            return result;
        }

        private void add(MessageDigest digest, COSBase base, COSDictionary page) throws IOException {
            add(digest, base, page, new IdentityHashMap<>());
        }

        private void add(MessageDigest digest, COSBase base, COSDictionary page, Map<COSBase, Integer> seen)
                throws IOException {
            COSBase value = base instanceof COSObject reference ? reference.getObject() : base;
            if (value == null) {
                text(digest, "null");
                return;
            }
            Integer earlier = value instanceof COSDictionary || value instanceof COSArray
                    ? seen.putIfAbsent(value, seen.size()) : null;
            if (earlier != null) {
                text(digest, "seen " + earlier);
                return;
            }
            switch (value) {
                case COSStream stream -> {
                    text(digest, "stream");
                    entries(digest, stream, page, Set.of(), seen);
                    digest.update(raw(stream));
                }
                case COSDictionary dictionary when dictionary != page
                        && COSName.PAGE.equals(dictionary.getCOSName(COSName.TYPE)) -> text(digest, "a page");
                case COSDictionary dictionary -> {
                    text(digest, "dict");
                    entries(digest, dictionary, page, Set.of(), seen);
                }
                case COSArray array -> {
                    text(digest, "array " + array.size());
                    for (COSBase item : array) {
                        add(digest, item, page, seen);
                    }
                }
                case COSString string -> {
                    text(digest, "string " + string.getBytes().length);
                    digest.update(string.getBytes());
                }
                default -> text(digest, value.getClass().getSimpleName() + " " + value);
            }
        }

        private void entries(MessageDigest digest, COSDictionary dictionary, COSDictionary page, Set<COSName> skip)
                throws IOException {
            entries(digest, dictionary, page, skip, new IdentityHashMap<>());
        }

        private void entries(MessageDigest digest, COSDictionary dictionary, COSDictionary page, Set<COSName> skip,
                Map<COSBase, Integer> seen) throws IOException {
            boolean subset = subset(dictionary);
            List<COSName> keys = new ArrayList<>(dictionary.keySet());
            keys.sort(null);
            for (COSName key : keys) {
                if (skip.contains(key) || NOT_DRAWN.contains(key) || subset && SUBSET_PARTS.contains(key)) {
                    continue;
                }
                text(digest, "/" + key.getName());
                if (subset && (key.equals(COSName.BASE_FONT) || key.equals(COSName.FONT_NAME))) {
                    text(digest, TAG.matcher(dictionary.getNameAsString(key)).replaceFirst(""));
                } else {
                    add(digest, dictionary.getItem(key), page, seen);
                }
            }
        }

        /**
         * Whether the dictionary is a font or font descriptor of a subset ({@code ABCDEF+Name}): its
         * glyphs are the original font's, so a page draws the same whatever other glyphs the
         * subset gained or lost elsewhere in the document. (A changed font file is the caller's to
         * notice: see {@link LivePages#render(Path, float, List)}.)
         */
        private static boolean subset(COSDictionary dictionary) {
            COSName type = dictionary.getCOSName(COSName.TYPE);
            String name = COSName.FONT.equals(type) ? dictionary.getNameAsString(COSName.BASE_FONT)
                    : COSName.FONT_DESC.equals(type) ? dictionary.getNameAsString(COSName.FONT_NAME) : null;
            return name != null && TAG.matcher(name).lookingAt();
        }

        private byte[] raw(COSStream stream) throws IOException {
            byte[] known = stored.get(stream);
            if (known != null) {
                return known;
            }
            MessageDigest digest = sha256();
            try (InputStream in = stream.createRawInputStream()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            byte[] result = digest.digest();
            stored.put(stream, result);
            return result;
        }

        private static void text(MessageDigest digest, String text) {
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
