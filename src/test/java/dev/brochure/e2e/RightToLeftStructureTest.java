package dev.brochure.e2e;

import static dev.brochure.testing.StructureElements.dict;
import static dev.brochure.testing.StructureElements.kids;
import static dev.brochure.testing.StructureElements.role;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.inspect.Accessibility;
import dev.brochure.inspect.ReadingOrder;
import dev.brochure.pipeline.BuildResult;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import dev.brochure.testing.VeraPdf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Right-to-left paragraphs that mix a link with plain text, built end to end into the tagged
 * PDF: a line of Hebrew or Arabic is drawn right to left, so its pieces are drawn in the reverse
 * of their reading order, yet the paragraph's structure element lists them in reading order (its
 * text, the link, its text), which is the order a screen reader reads them in. Each paragraph's
 * text read in structure order is its text as written, and the link element's text stands where
 * the link stands in the sentence: taking the link element out of the paragraph leaves exactly
 * the text before it followed by the text after it.
 */
class RightToLeftStructureTest {

    private static final String HREF = "https://example.org/lab";

    /** A paragraph: the text before the link, the link's text, the text after it. */
    private record Linked(String before, String link, String after) {
        String markup() {
            return before + "[" + link + "](" + HREF + ")" + after;
        }

        String text() {
            return before + link + after;
        }
    }

    /** Hebrew on one line: drawn "after, link, before" from left to right. */
    static final Linked HEBREW = new Linked("קבוצת המחקר שלנו ", "עוסקת בניהול מים", " בערים.");
    /** Arabic on one line. */
    static final Linked ARABIC = new Linked("يعمل فريقنا ", "البحثي على فهم", " إدارة المياه في المدن.");
    /** Hebrew with an English link: a left-to-right piece inside a right-to-left line. */
    static final Linked MIXED = new Linked("קבוצת המחקר שלנו ", "Visit the lab", " בערים.");
    /**
     * Hebrew with English words around an English link: the English piece is drawn left to right
     * inside the right-to-left line, so the paragraph's own text is drawn in four pieces, two of
     * them English, none in reading order.
     */
    static final Linked MIXED_WORDS = new Linked("קבוצת המחקר שלנו about ", "Visit the lab", " now בערים.");
    /** Hebrew over several lines, the link in the middle of its second sentence. */
    static final Linked LONG = new Linked(InternationalBrochureTest.HEBREW + " " + InternationalBrochureTest.HEBREW
            + " קבוצת המחקר שלנו ", "עוסקת בניהול מים בערים", ". " + InternationalBrochureTest.HEBREW + " "
            + InternationalBrochureTest.HEBREW);
    /** English, left to right: read as it always was. */
    static final Linked ENGLISH = new Linked("Our group studies ", "water in cities", " today.");

    static final List<Linked> PARAGRAPHS = List.of(HEBREW, ARABIC, MIXED, MIXED_WORDS, LONG, ENGLISH);

    @TempDir
    static Path temp;

    static Path pdf;
    static BuildResult result;

    @BeforeAll
    static void build() throws IOException {
        pdf = temp.resolve("out/brochure.pdf");
        TestProject project = InternationalBrochureTest.project(temp);
        String story = project.read("sections/story.yaml");
        StringBuilder paragraphs = new StringBuilder("paragraphs:\n");
        for (Linked p : PARAGRAPHS) {
            paragraphs.append("  - '").append(p.markup()).append("'\n");
        }
        project.write("sections/story.yaml", story.substring(0, story.indexOf("paragraphs:")) + paragraphs);
        Files.createSymbolicLink(temp.resolve("fonts"), TestProject.REPO.resolve("fonts"));
        result = new Pipeline(Map.of()).build(project.request(pdf));
    }

    /** The structure's P elements, in the order {@link ReadingOrder} meets them. */
    private static void paragraphs(COSDictionary element, List<COSDictionary> out) {
        for (COSDictionary kid : kids(element)) {
            if ("P".equals(role(kid))) {
                out.add(kid);
            } else if (kid.containsKey(COSName.S)) {
                paragraphs(kid, out);
            }
        }
    }

    private static List<COSDictionary> paragraphs(PDDocument doc) {
        List<COSDictionary> out = new ArrayList<>();
        paragraphs(doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.STRUCT_TREE_ROOT), out);
        return out;
    }

    /** The text of every P element read in structure order (spaces left out: lines add their own). */
    private static List<String> paragraphTexts(PDDocument doc) {
        return Accessibility.readingOrder(doc).stream().filter(b -> b.role().equals("P"))
                .map(b -> squeeze(b.text())).toList();
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void itBuildsWithoutWarnings() {
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    }

    @Test
    void eachParagraphIsReadInLogicalOrderWithItsLinkWhereItStands() throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            List<String> texts = paragraphTexts(doc);
            List<COSDictionary> elements = paragraphs(doc);
            assertEquals(texts.size(), elements.size());
            for (Linked want : PARAGRAPHS) {
                int at = texts.indexOf(squeeze(want.text()));
                assertTrue(at >= 0, "'" + want.text() + "' read in structure order, among " + texts);
                COSDictionary p = elements.get(at);
                List<String> roles = kids(p).stream().map(dev.brochure.testing.StructureElements::role).toList();
                int link = roles.indexOf("Link");
                assertTrue(link > 0 && link < roles.size() - 1 && roles.lastIndexOf("Link") == link,
                        "one link, between the text before and after it: " + roles + " in '" + want.text() + "'");
                // Without the link element, the paragraph reads the text before it, then the text after it.
                p.getCOSArray(COSName.K).remove(link);
                assertEquals(squeeze(want.before() + want.after()), paragraphTexts(doc).get(at),
                        "the link's pieces stand between the right text in '" + want.text() + "'");
            }
        }
    }

    @Test
    void theTaggedPdfPassesPdfUa1() throws IOException {
        VeraPdf.Verdict verdict = VeraPdf.pdfUa1(pdf);
        assertTrue(verdict.compliant(), verdict.toString());
        try (PDDocument doc = PdfFiles.open(pdf)) {
            Accessibility.Result access = Accessibility.scan(doc);
            assertTrue(access.tagged(), "every glyph is content or an artifact: " + access.untagged());
        }
    }

    @Test
    void theRightToLeftLinesAreStillDrawnRightToLeft() throws IOException {
        try (PDDocument doc = PdfFiles.open(pdf)) {
            String text = PdfFiles.pageText(doc, 2);
            for (Linked p : List.of(HEBREW, ARABIC, MIXED)) {
                assertTrue(text.contains(p.text()), "'" + p.text() + "' extracted in " + text);
            }
            long links = PdfFiles.links(doc).stream()
                    .filter(l -> l.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI u
                            && HREF.equals(u.getURI()))
                    .count();
            assertTrue(links >= PARAGRAPHS.size(), "every paragraph's link is clickable: " + links);
        }
    }
}
