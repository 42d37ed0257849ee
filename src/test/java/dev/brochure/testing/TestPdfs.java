package dev.brochure.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDestinationNameTreeNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * PDFs written with plain PDFBox, as another tool would write them: a well-made one that passes
 * every verify rule, and the same with one {@link Flaw} or more, each breaking one rule. The
 * numbers the tests check (sizes, ppi, boxes) are chosen here, not read back from output.
 */
public final class TestPdfs {

    public enum Flaw {
        /** Page 2 also shows text in Helvetica, which is not embedded. */
        HELVETICA,
        /** Page 2 shows character code 0 of an embedded font: glyph id 0, .notdef. */
        NOTDEF,
        /** Page 2 shows text in an embedded font whose ToUnicode map was removed. */
        NO_UNICODE,
        /** Page 2 places a 100 x 100 px image at 2 x 2 inches: 50 ppi. */
        LOW_RES_IMAGE,
        /** Page 2 has links to a missing named destination, a page out of range, two bad URIs; a bookmark to a foreign page. */
        BROKEN_LINKS,
        /** Page 2 has links to {@code javascript:} and {@code file:} URIs and a Launch action. */
        UNSAFE_LINKS,
        /** Page 2 also shows {@link #OFF_PAGE_TEXT}, set left of the page's media box. */
        OFF_PAGE_TEXT
    }

    public static final String OFF_PAGE_TEXT = "Hidden beyond the edge.";

    /** Letter trim with 9 pt bleed on every side. */
    public static final float BLEED = 9;
    public static final float TRIM_WIDTH = 612;
    public static final float TRIM_HEIGHT = 792;

    /** The page-1 image: 600 x 400 px placed at 144 x 96 pt (2 x 1.333 in), so 300 ppi. */
    public static final int IMAGE_WIDTH_PX = 600;
    public static final int IMAGE_HEIGHT_PX = 400;
    public static final float IMAGE_WIDTH_PT = 144;
    public static final float IMAGE_HEIGHT_PT = 96;

    public static final String URI = "https://example.org/brochure?ref=test";
    public static final String DESTINATION = "second-page";
    public static final String TITLE = "A Well-Made Leaflet";
    public static final String LANGUAGE = "en-GB";

    /**
     * Text on page 1, set over two lines with typographic quotes, an en dash and a word hyphenated
     * at the line end. (No "fi", "ti" and such: PDFBox would set Lato's ligatures for them, and
     * leave those glyphs without a Unicode mapping, which verify rightly reports.)
     */
    public static final List<String> PAGE_ONE_LINES =
            List.of("It is \u201Creliable\u201D \u2013 and bal-", "anced by a well-known design.");
    /** The same text as content would hold it. */
    public static final String PAGE_ONE_TEXT = "It is \"reliable\" - and balanced by a well-known design.";
    public static final String PAGE_TWO_TEXT = "Second page of the leaflet.";

    private static final Path LATO = TestProject.FONTS.resolve("Lato-Regular.ttf");

    private TestPdfs() {
    }

    public static Path wellMade(Path file) {
        return write(file, EnumSet.noneOf(Flaw.class));
    }

    public static Path write(Path file, Set<Flaw> flaws) {
        try (PDDocument doc = new PDDocument()) {
            PDFont lato = PDType0Font.load(doc, LATO.toFile());
            PDPage one = page(doc);
            PDPage two = page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, one)) {
                text(cs, lato, 24, 72, 700, List.of(TITLE));
                text(cs, lato, 12, 72, 660, PAGE_ONE_LINES);
                cs.drawImage(image(doc, IMAGE_WIDTH_PX, IMAGE_HEIGHT_PX), 72, 500, IMAGE_WIDTH_PT, IMAGE_HEIGHT_PT);
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, two)) {
                text(cs, lato, 12, 72, 700, List.of(PAGE_TWO_TEXT));
                if (flaws.contains(Flaw.HELVETICA)) {
                    text(cs, new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12, 72, 680, List.of("Set in Helvetica."));
                }
                if (flaws.contains(Flaw.OFF_PAGE_TEXT)) {
                    text(cs, lato, 12, -2000, 400, List.of(OFF_PAGE_TEXT));
                }
                if (flaws.contains(Flaw.LOW_RES_IMAGE)) {
                    cs.drawImage(image(doc, 100, 100), 72, 400, 144, 144);
                }
            }
            if (flaws.contains(Flaw.NOTDEF)) {
                rawText(doc, two, full(doc), "<0000> Tj");
            }
            if (flaws.contains(Flaw.NO_UNICODE)) {
                PDType0Font bare = full(doc);
                bare.getCOSObject().removeItem(COSName.TO_UNICODE);
                // Identity-H: the code is the glyph id, here the real glyph of 'H'.
                rawText(doc, two, bare, String.format("<%04X> Tj", gid(bare, 'H')));
            }
            link(one, 72, 640, uri(URI));
            link(one, 72, 620, named(DESTINATION));
            PDActionGoTo toTwo = new PDActionGoTo();
            toTwo.setDestination(fit(two));
            link(one, 72, 600, toTwo);
            destinations(doc, Map.of(DESTINATION, xyz(two)));
            if (flaws.contains(Flaw.BROKEN_LINKS)) {
                link(two, 72, 640, named("nowhere"));
                // [6 /Fit]: a page number instead of a page; PDFBox's setter refuses it, so it is written directly.
                PDActionGoTo toFar = new PDActionGoTo();
                COSArray far = new COSArray();
                far.add(COSInteger.get(6));
                far.add(COSName.getPDFName("Fit"));
                toFar.getCOSObject().setItem(COSName.D, far);
                link(two, 72, 620, toFar);
                link(two, 72, 600, uri("https://exa mple.org/with space"));
                link(two, 72, 580, uri("www.example.org"));
            }
            if (flaws.contains(Flaw.UNSAFE_LINKS)) {
                link(two, 72, 560, uri("javascript:app.alert(1)"));
                link(two, 72, 540, uri("file:///etc/passwd"));
                org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch launch =
                        new org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch();
                launch.getCOSObject().setString(COSName.F, "calc.exe");
                link(two, 72, 520, launch);
            }
            outline(doc, one, two, flaws.contains(Flaw.BROKEN_LINKS));
            info(doc);
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDPage page(PDDocument doc) {
        PDPage page = new PDPage(new PDRectangle(TRIM_WIDTH + 2 * BLEED, TRIM_HEIGHT + 2 * BLEED));
        page.setBleedBox(new PDRectangle(0, 0, TRIM_WIDTH + 2 * BLEED, TRIM_HEIGHT + 2 * BLEED));
        page.setTrimBox(new PDRectangle(BLEED, BLEED, TRIM_WIDTH, TRIM_HEIGHT));
        doc.addPage(page);
        return page;
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, List<String> lines)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setLeading(size * 1.3f);
        cs.newLineAtOffset(x, y);
        for (String line : lines) {
            cs.showText(line);
            cs.newLine();
        }
        cs.endText();
    }

    /** A whole (not subset) embedded font, for content streams written by hand. */
    private static PDType0Font full(PDDocument doc) throws IOException {
        try (var in = java.nio.file.Files.newInputStream(LATO)) {
            return PDType0Font.load(doc, in, false);
        }
    }

    private static int gid(PDType0Font font, char c) throws IOException {
        byte[] code = font.encode(String.valueOf(c));
        return (code[0] & 0xFF) << 8 | code[1] & 0xFF;
    }

    /** Appends text operators written by hand, for codes PDFBox would refuse to encode. */
    private static void rawText(PDDocument doc, PDPage page, PDFont font, String show) throws IOException {
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
            COSName name = page.getResources().add(font);
            cs.appendRawCommands("BT /" + name.getName() + " 12 Tf 72 300 Td " + show + " ET\n");
        }
    }

    private static PDImageXObject image(PDDocument doc, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x1B, 0x4D, 0x3E), width, height, new Color(0xE8, 0xA3, 0x3D)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return LosslessFactory.createFromImage(doc, image);
    }

    private static PDActionURI uri(String target) {
        PDActionURI action = new PDActionURI();
        action.setURI(target);
        return action;
    }

    private static PDActionGoTo named(String name) {
        PDActionGoTo action = new PDActionGoTo();
        action.setDestination(new PDNamedDestination(name));
        return action;
    }

    private static PDPageFitDestination fit(PDPage page) {
        PDPageFitDestination destination = new PDPageFitDestination();
        destination.setPage(page);
        return destination;
    }

    private static PDPageDestination xyz(PDPage page) {
        PDPageXYZDestination destination = new PDPageXYZDestination();
        destination.setPage(page);
        destination.setTop(700);
        return destination;
    }

    private static void link(PDPage page, float x, float y, org.apache.pdfbox.pdmodel.interactive.action.PDAction action)
            throws IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(x, y, 200, 14));
        link.setAction(action);
        page.getAnnotations().add(link);
    }

    private static void destinations(PDDocument doc, Map<String, PDPageDestination> named) {
        PDDestinationNameTreeNode tree = new PDDestinationNameTreeNode();
        tree.setNames(named);
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setDests(tree);
        doc.getDocumentCatalog().setNames(names);
    }

    private static void outline(PDDocument doc, PDPage one, PDPage two, boolean broken) throws IOException {
        PDDocumentOutline outline = new PDDocumentOutline();
        PDOutlineItem start = new PDOutlineItem();
        start.setTitle("Start");
        start.setDestination(fit(one));
        PDOutlineItem second = new PDOutlineItem();
        second.setTitle("Second");
        second.setDestination(fit(two));
        start.addLast(second);
        outline.addLast(start);
        if (broken) {
            PDOutlineItem stray = new PDOutlineItem();
            stray.setTitle("Stray");
            stray.setDestination(fit(new PDPage()));
            outline.addLast(stray);
        }
        doc.getDocumentCatalog().setDocumentOutline(outline);
    }

    private static void info(PDDocument doc) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(TITLE);
        info.setAuthor("A Tester");
        info.setProducer("plain PDFBox");
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        date.clear();
        date.set(2024, Calendar.MARCH, 5, 12, 0, 0);
        info.setCreationDate(date);
        doc.getDocumentCatalog().setLanguage(LANGUAGE);
    }
}
