package dev.brochure.inspect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The PDF/X-4 requirements (ISO 15930-7) that can be checked from the file alone, for
 * {@code verify --pdfx}: the identification in the XMP metadata (version, trapping key, title,
 * dates, document and version identifiers, rendition class; the information dictionary, where it
 * repeats them, agreeing), a file identifier, no encryption, PDF 1.6 at most; one PDF/X output intent that
 * embeds its profile, a CMYK one; on every page a TrimBox and a BleedBox, the BleedBox around the
 * TrimBox and both inside the MediaBox, no ArtBox beside the TrimBox; and colour without a device
 * space the output intent does not define: with a CMYK intent, RGB must be ICC-based (or be
 * given a DefaultRGB colour space in the resources where it is used). Transparency is allowed in
 * PDF/X-4 and is not reported; font embedding is verify's own rule. Each problem is one line.
 */
public final class PdfxCheck {

    static final String PDFX_NS = "http://www.npes.org/pdfx/ns/id/";
    static final String PDF_NS = "http://ns.adobe.com/pdf/1.3/";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    static final String XMP_NS = "http://ns.adobe.com/xap/1.0/";
    static final String XMP_MM_NS = "http://ns.adobe.com/xap/1.0/mm/";
    /** How many nested forms and patterns are followed; real files nest a few levels. */
    private static final int MAX_DEPTH = 32;

    private final PDDocument document;
    private final List<String> problems = new ArrayList<>();

    private PdfxCheck(PDDocument document) {
        this.document = document;
    }

    /** What keeps {@code document} from being PDF/X-4, one line each; empty if nothing does. */
    public static List<String> problems(PDDocument document) {
        PdfxCheck check = new PdfxCheck(document);
        check.run();
        return List.copyOf(check.problems);
    }

    private void run() {
        if (document.isEncrypted()) {
            problems.add("the file is encrypted: a PDF/X file must not be");
        }
        if (document.getVersion() > 1.6f + 1e-3) {
            problems.add(String.format(Locale.ROOT, "the file is PDF %.1f: PDF/X-4 is based on PDF 1.6, at most",
                    document.getVersion()));
        }
        if (document.getDocument().getDocumentID() == null) {
            problems.add("the trailer has no /ID: PDF/X requires a file identifier");
        }
        String intent = outputIntent();
        information();
        int number = 1;
        for (PDPage page : document.getPages()) {
            boxes(page, number);
            colours(page, number, intent);
            number++;
        }
    }

    // ------------------------------------------------------------------ identification

    /**
     * PDF/X-4 identifies a file in its XMP metadata: {@code pdfxid:GTS_PDFXVersion},
     * {@code pdf:Trapped} (True or False), {@code dc:title}, the creation and modification dates
     * and the {@code xmpMM} identifiers (DocumentID, VersionID, RenditionClass). The information
     * dictionary need not repeat them, but what it says must agree.
     */
    private void information() {
        PDDocumentInformation info = document.getDocumentInformation();
        String version = info.getCustomMetadataValue("GTS_PDFXVersion");
        if (version != null && !version.startsWith("PDF/X-4")) {
            problems.add("the information dictionary's /GTS_PDFXVersion is '" + version + "', not PDF/X-4");
        }
        String trapped = info.getTrapped();
        if (trapped != null && !"True".equals(trapped) && !"False".equals(trapped)) {
            problems.add("the information dictionary's /Trapped is '" + trapped + "': PDF/X wants /True or /False");
        }
        xmp(trapped);
    }

    private void xmp(String infoTrapped) {
        PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        if (metadata == null) {
            problems.add("the catalog has no XMP metadata stream: PDF/X-4 identifies itself there");
            return;
        }
        org.w3c.dom.Document xml;
        try (InputStream in = metadata.exportXMPMetadata()) {
            xml = parse(in.readAllBytes());
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            problems.add("the XMP metadata cannot be read as XML (" + e.getMessage() + ")");
            return;
        }
        String version = property(xml, PDFX_NS, "GTS_PDFXVersion");
        if (version == null) {
            problems.add("the XMP metadata has no pdfxid:GTS_PDFXVersion");
        } else if (!version.startsWith("PDF/X-4")) {
            problems.add("the XMP metadata's pdfxid:GTS_PDFXVersion is '" + version + "', not PDF/X-4");
        }
        String trapped = property(xml, PDF_NS, "Trapped");
        if (!"True".equals(trapped) && !"False".equals(trapped)) {
            problems.add("the XMP metadata's pdf:Trapped is " + (trapped == null ? "missing" : "'" + trapped + "'")
                    + ": PDF/X wants True or False");
        } else if (infoTrapped != null && !infoTrapped.equals(trapped)) {
            problems.add("the XMP metadata's pdf:Trapped (" + trapped + ") does not match the information's /Trapped ("
                    + infoTrapped + ")");
        }
        String title = property(xml, DC_NS, "title");
        if (title == null || title.isBlank()) {
            problems.add("the XMP metadata has no dc:title");
        }
        List<String> missing = new ArrayList<>();
        for (String[] p : new String[][] {{XMP_NS, "xmp:CreateDate", "CreateDate"},
                {XMP_NS, "xmp:ModifyDate", "ModifyDate"}, {XMP_MM_NS, "xmpMM:DocumentID", "DocumentID"},
                {XMP_MM_NS, "xmpMM:VersionID", "VersionID"}, {XMP_MM_NS, "xmpMM:RenditionClass", "RenditionClass"}}) {
            String value = property(xml, p[0], p[2]);
            if (value == null || value.isBlank()) {
                missing.add(p[1]);
            }
        }
        if (!missing.isEmpty()) {
            problems.add("the XMP metadata has no " + String.join(", ", missing) + ": PDF/X-4 requires "
                    + (missing.size() == 1 ? "it" : "them"));
        }
    }

    /** XML without a DTD or external entities: a PDF may come from anywhere. */
    private static org.w3c.dom.Document parse(byte[] bytes) throws ParserConfigurationException, IOException,
            SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(bytes));
    }

    /** A property's text, written as an element or as an attribute of an rdf:Description. */
    private static String property(org.w3c.dom.Document xml, String namespace, String name) {
        NodeList elements = xml.getElementsByTagNameNS(namespace, name);
        if (elements.getLength() > 0) {
            return elements.item(0).getTextContent().strip();
        }
        NodeList descriptions = xml.getElementsByTagNameNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "Description");
        for (int i = 0; i < descriptions.getLength(); i++) {
            Node node = descriptions.item(i);
            if (node instanceof Element e && e.hasAttributeNS(namespace, name)) {
                return e.getAttributeNS(namespace, name).strip();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ output intent

    /** Checks the PDF/X output intent; returns its profile's colour space (CMYK, RGB, GRAY), or null. */
    private String outputIntent() {
        COSArray intents = document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.OUTPUT_INTENTS);
        List<COSDictionary> pdfx = new ArrayList<>();
        if (intents != null) {
            for (int i = 0; i < intents.size(); i++) {
                if (intents.getObject(i) instanceof COSDictionary d && COSName.getPDFName("GTS_PDFX")
                        .equals(d.getCOSName(COSName.S))) {
                    pdfx.add(d);
                }
            }
        }
        if (pdfx.isEmpty()) {
            problems.add("the catalog has no PDF/X output intent (/OutputIntents with /S /GTS_PDFX)");
            return null;
        }
        if (pdfx.size() > 1) {
            problems.add("the catalog has " + pdfx.size() + " PDF/X output intents: PDF/X allows one");
        }
        COSDictionary intent = pdfx.getFirst();
        if (intent.getString(COSName.getPDFName("OutputConditionIdentifier")) == null) {
            problems.add("the output intent has no /OutputConditionIdentifier");
        }
        if (!(intent.getDictionaryObject(COSName.DEST_OUTPUT_PROFILE) instanceof COSStream profile)) {
            problems.add("the output intent embeds no /DestOutputProfile: PDF/X-4 requires the profile in the file");
            return null;
        }
        byte[] header;
        try (InputStream in = profile.createInputStream()) {
            header = in.readNBytes(128);
        } catch (IOException e) {
            problems.add("the output intent's profile cannot be read (" + e.getMessage() + ")");
            return null;
        }
        if (header.length < 128 || header[36] != 'a' || header[37] != 'c' || header[38] != 's' || header[39] != 'p') {
            problems.add("the output intent's /DestOutputProfile is not an ICC profile");
            return null;
        }
        String space = new String(header, 16, 4, java.nio.charset.StandardCharsets.US_ASCII).strip();
        int components = switch (space) {
            case "CMYK" -> 4;
            case "RGB" -> 3;
            case "GRAY" -> 1;
            default -> 0;
        };
        if (profile.getInt(COSName.N) != components) {
            problems.add("the output intent's profile is " + space + " but its /N is " + profile.getInt(COSName.N));
        }
        if (!space.equals("CMYK")) {
            problems.add("the output intent's profile is " + space + ", not CMYK: the print edition is made for a CMYK"
                    + " printing condition");
        }
        return space;
    }

    // ------------------------------------------------------------------ page boxes

    private void boxes(PDPage page, int number) {
        COSDictionary dict = page.getCOSObject();
        boolean trim = dict.containsKey(COSName.TRIM_BOX);
        boolean art = dict.containsKey(COSName.ART_BOX);
        if (!trim) {
            problems.add("page " + number + ": no TrimBox (where the printed page is cut)");
        }
        if (trim && art) {
            problems.add("page " + number + ": both TrimBox and ArtBox: PDF/X allows one of them");
        }
        if (!dict.containsKey(COSName.BLEED_BOX)) {
            problems.add("page " + number + ": no BleedBox (how far the art runs beyond the trim)");
        }
        PDRectangle media = page.getMediaBox();
        PDRectangle bleed = page.getBleedBox();
        if (trim) {
            PDRectangle t = page.getTrimBox();
            if (!contains(bleed, t)) {
                problems.add("page " + number + ": the BleedBox " + box(bleed) + " does not contain the TrimBox " + box(t));
            }
            if (!contains(media, t)) {
                problems.add("page " + number + ": the TrimBox " + box(t) + " reaches outside the MediaBox " + box(media));
            }
        }
        if (dict.containsKey(COSName.BLEED_BOX) && !contains(media, bleed)) {
            problems.add("page " + number + ": the BleedBox " + box(bleed) + " reaches outside the MediaBox " + box(media));
        }
    }

    private static boolean contains(PDRectangle outer, PDRectangle inner) {
        double e = 0.01;
        return inner.getLowerLeftX() >= outer.getLowerLeftX() - e && inner.getLowerLeftY() >= outer.getLowerLeftY() - e
                && inner.getUpperRightX() <= outer.getUpperRightX() + e
                && inner.getUpperRightY() <= outer.getUpperRightY() + e;
    }

    private static String box(PDRectangle r) {
        return String.format(Locale.ROOT, "[%.2f %.2f %.2f %.2f]", r.getLowerLeftX(), r.getLowerLeftY(),
                r.getUpperRightX(), r.getUpperRightY());
    }

    // ------------------------------------------------------------------ colour

    /**
     * Every colour space the page uses: set by operators in its content and in the forms,
     * patterns and annotation appearances it draws, of its images and shadings, and of its
     * transparency groups. Device colour is judged against the output intent, in the resources
     * where it is used (a DefaultRGB, DefaultCMYK or DefaultGray there makes it CIE-based).
     */
    private void colours(PDPage page, int number, String intent) {
        Map<String, Integer> found = new LinkedHashMap<>();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        COSDictionary resources = page.getCOSObject().getCOSDictionary(COSName.RESOURCES);
        group(page.getCOSObject(), resources, found, intent);
        try {
            for (COSStream content : contents(page)) {
                stream(content, resources, found, intent, seen, 0);
            }
            for (PDAnnotation annotation : page.getAnnotations()) {
                COSDictionary ap = annotation.getCOSObject().getCOSDictionary(COSName.AP);
                if (ap != null) {
                    for (COSName key : ap.keySet()) {
                        appearance(ap.getDictionaryObject(key), found, intent, seen);
                    }
                }
            }
        } catch (IOException e) {
            problems.add("page " + number + ": its content cannot be read (" + e.getMessage() + ")");
        }
        found.forEach((what, count) -> problems.add("page " + number + ": " + what + (count > 1 ? " (" + count
                + " times)" : "")));
    }

    private void appearance(COSBase base, Map<String, Integer> found, String intent, Set<COSBase> seen)
            throws IOException {
        if (base instanceof COSStream form) {
            stream(form, form.getCOSDictionary(COSName.RESOURCES), found, intent, seen, 1);
        } else if (base instanceof COSDictionary states) {
            for (COSName state : states.keySet()) {
                if (states.getDictionaryObject(state) instanceof COSStream form) {
                    stream(form, form.getCOSDictionary(COSName.RESOURCES), found, intent, seen, 1);
                }
            }
        }
    }

    private static List<COSStream> contents(PDPage page) {
        COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        List<COSStream> streams = new ArrayList<>();
        if (contents instanceof COSStream s) {
            streams.add(s);
        } else if (contents instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSStream s) {
                    streams.add(s);
                }
            }
        }
        return streams;
    }

    /** One content stream with the resources it is drawn with: its operators, then what it draws. */
    private void stream(COSStream content, COSDictionary resources, Map<String, Integer> found, String intent,
            Set<COSBase> seen, int depth) throws IOException {
        if (depth > MAX_DEPTH || !seen.add(content)) {
            return;
        }
        byte[] bytes;
        try (InputStream in = content.createInputStream()) {
            bytes = in.readAllBytes();
        }
        List<Object> tokens = new PDFStreamParser(bytes).parse();
        for (Object token : tokens) {
            if (token instanceof Operator op) {
                switch (op.getName()) {
                    case "rg", "RG" -> device("DeviceRGB", "an RGB colour (" + op.getName() + ")", resources, found, intent);
                    case "k", "K" -> device("DeviceCMYK", "a CMYK colour (" + op.getName() + ")", resources, found, intent);
                    case "g", "G" -> device("DeviceGray", "a grey (" + op.getName() + ")", resources, found, intent);
                    case "BI" -> inlineImage(op, resources, found, intent);
                    default -> { }
                }
            }
        }
        // cs/CS select a device space by name, or one of the resources' /ColorSpace, which are
        // judged below with the rest of the resources.
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i) instanceof COSName name && name.getName().startsWith("Device")
                    && tokens.get(i + 1) instanceof Operator op && (op.getName().equals("cs") || op.getName().equals("CS"))) {
                space(name, resources, "a colour set with " + op.getName(), found, intent);
            }
        }
        if (resources == null) {
            return;
        }
        COSDictionary spaces = resources.getCOSDictionary(COSName.COLORSPACE);
        if (spaces != null) {
            for (COSName key : spaces.keySet()) {
                if (!key.getName().startsWith("Default")) {
                    space(spaces.getDictionaryObject(key), resources, "colour space /" + key.getName(), found, intent);
                }
            }
        }
        COSDictionary shadings = resources.getCOSDictionary(COSName.SHADING);
        if (shadings != null) {
            for (COSName key : shadings.keySet()) {
                if (shadings.getDictionaryObject(key) instanceof COSDictionary sh) {
                    space(sh.getDictionaryObject(COSName.COLORSPACE), resources, "shading /" + key.getName(), found,
                            intent);
                }
            }
        }
        COSDictionary xobjects = resources.getCOSDictionary(COSName.XOBJECT);
        if (xobjects != null) {
            for (COSName key : xobjects.keySet()) {
                if (!(xobjects.getDictionaryObject(key) instanceof COSStream x)) {
                    continue;
                }
                if (COSName.IMAGE.equals(x.getCOSName(COSName.SUBTYPE))) {
                    if (!x.getBoolean(COSName.IMAGE_MASK, false) && x.containsKey(COSName.COLORSPACE)) {
                        space(x.getDictionaryObject(COSName.COLORSPACE), resources, "image /" + key.getName(), found,
                                intent);
                    }
                } else if (COSName.FORM.equals(x.getCOSName(COSName.SUBTYPE))) {
                    COSDictionary own = x.getCOSDictionary(COSName.RESOURCES);
                    // A form without resources of its own uses those it is drawn with.
                    COSDictionary used = own != null ? own : resources;
                    group(x, used, found, intent);
                    stream(x, used, found, intent, seen, depth + 1);
                }
            }
        }
        COSDictionary patterns = resources.getCOSDictionary(COSName.PATTERN);
        if (patterns != null) {
            for (COSName key : patterns.keySet()) {
                COSBase p = patterns.getDictionaryObject(key);
                if (p instanceof COSStream tiling) {
                    stream(tiling, tiling.getCOSDictionary(COSName.RESOURCES), found, intent, seen, depth + 1);
                } else if (p instanceof COSDictionary shadingPattern
                        && shadingPattern.getDictionaryObject(COSName.SHADING) instanceof COSDictionary sh) {
                    space(sh.getDictionaryObject(COSName.COLORSPACE), resources, "pattern /" + key.getName(), found,
                            intent);
                }
            }
        }
    }

    /** A transparency group's blending colour space. */
    private void group(COSDictionary owner, COSDictionary resources, Map<String, Integer> found, String intent) {
        if (owner.getDictionaryObject(COSName.GROUP) instanceof COSDictionary group && group.containsKey(COSName.CS)) {
            space(group.getDictionaryObject(COSName.CS), resources, "a transparency group", found, intent);
        }
    }

    private void inlineImage(Operator op, COSDictionary resources, Map<String, Integer> found, String intent) {
        COSDictionary params = op.getImageParameters();
        if (params == null || params.getBoolean(COSName.IM, false) || params.getBoolean(COSName.IMAGE_MASK, false)) {
            return;
        }
        COSBase cs = params.getDictionaryObject(COSName.CS, COSName.COLORSPACE);
        if (cs instanceof COSName name) {
            cs = switch (name.getName()) {
                case "RGB" -> COSName.DEVICERGB;
                case "CMYK" -> COSName.DEVICECMYK;
                case "G" -> COSName.DEVICEGRAY;
                default -> name;
            };
        }
        space(cs, resources, "an inline image", found, intent);
    }

    /** Judges a colour space: a device space by the output intent; the bases of indexed and special spaces. */
    private void space(COSBase cs, COSDictionary resources, String what, Map<String, Integer> found, String intent) {
        space(cs, resources, what, found, intent, 0);
    }

    private void space(COSBase cs, COSDictionary resources, String what, Map<String, Integer> found, String intent,
            int depth) {
        if (cs == null || depth > 8) {
            return;
        }
        if (cs instanceof COSName name) {
            switch (name.getName()) {
                case "DeviceRGB" -> device("DeviceRGB", what + " in DeviceRGB", resources, found, intent);
                case "DeviceCMYK" -> device("DeviceCMYK", what + " in DeviceCMYK", resources, found, intent);
                case "DeviceGray" -> device("DeviceGray", what + " in DeviceGray", resources, found, intent);
                case "Pattern" -> { }
                default -> {
                    COSDictionary spaces = resources == null ? null : resources.getCOSDictionary(COSName.COLORSPACE);
                    if (spaces != null && spaces.getDictionaryObject(name) != null && depth == 0) {
                        space(spaces.getDictionaryObject(name), resources, what, found, intent, depth + 1);
                    }
                }
            }
            return;
        }
        if (cs instanceof COSArray array && array.size() > 0 && array.getObject(0) instanceof COSName family) {
            switch (family.getName()) {
                case "Indexed", "I" -> space(array.getObject(1), resources, what, found, intent, depth + 1);
                case "Separation" -> space(array.getObject(2), resources, what, found, intent, depth + 1);
                case "DeviceN" -> space(array.getObject(2), resources, what, found, intent, depth + 1);
                case "Pattern" -> space(array.size() > 1 ? array.getObject(1) : null, resources, what, found, intent,
                        depth + 1);
                case "ICCBased" -> {
                    if (!(array.getObject(1) instanceof COSStream)) {
                        note(found, what + ": an ICCBased colour space without its profile");
                    }
                }
                default -> space(family, resources, what, found, intent, depth + 1);
            }
        }
    }

    /**
     * A device colour space used where {@code resources} apply: allowed when the output intent
     * is of that kind (grey with a CMYK intent too), or when a Default colour space there maps it
     * to a CIE-based one.
     */
    private void device(String space, String what, COSDictionary resources, Map<String, Integer> found, String intent) {
        boolean allowed = switch (space) {
            case "DeviceCMYK" -> "CMYK".equals(intent);
            case "DeviceGray" -> intent != null;
            default -> "RGB".equals(intent);
        };
        if (allowed) {
            return;
        }
        COSDictionary spaces = resources == null ? null : resources.getCOSDictionary(COSName.COLORSPACE);
        String defaultName = "Default" + space.substring("Device".length());
        if (spaces != null && spaces.getDictionaryObject(COSName.getPDFName(defaultName)) != null) {
            return;
        }
        String reason = intent == null ? "a device colour space, and no output intent to define it" : switch (space) {
            case "DeviceRGB" -> "device RGB without an ICC profile: with a " + intent + " output intent, RGB must be"
                    + " ICC-based";
            case "DeviceCMYK" -> "device CMYK, which the " + intent + " output intent does not define";
            default -> "device grey, which the " + intent + " output intent does not define";
        };
        note(found, what + ": " + reason);
    }

    private static void note(Map<String, Integer> found, String what) {
        found.merge(what, 1, Integer::sum);
    }
}
