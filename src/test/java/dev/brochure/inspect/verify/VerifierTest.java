package dev.brochure.inspect.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentText;
import dev.brochure.testing.OptmlBrochure;
import dev.brochure.testing.TestPdfs;
import dev.brochure.testing.TestPdfs.Flaw;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule fails on a PDF made to break it, and only that rule; all pass on good PDFs. */
class VerifierTest {

    @TempDir
    Path dir;

    private static final VerifyOptions DEFAULTS = new VerifyOptions(VerifyOptions.DEFAULT_MIN_PPI, null, null);

    @Test
    void theOptmlBrochurePassesEveryRuleWithItsContent() {
        List<ExpectedText> text = ContentText.units(OptmlBrochure.content()).stream()
                .map(u -> new ExpectedText(u.text(), u.where().toString())).toList();
        assertTrue(text.size() >= 5, text.toString());
        VerifyResult result = Verifier.verify(OptmlBrochure.pdf(), new VerifyOptions(150, 20_000_000L, text));
        assertEquals(List.of(), result.failures());
        assertEquals(List.of(Rule.values()), result.checked());
    }

    @Test
    void aWellMadePdfOfAnotherToolPassesEveryRule() throws IOException {
        Path pdf = TestPdfs.wellMade(dir.resolve("good.pdf"));
        List<ExpectedText> text = List.of(new ExpectedText(TestPdfs.PAGE_ONE_TEXT, "leaflet.yaml:3:1"),
                new ExpectedText(TestPdfs.PAGE_TWO_TEXT, "leaflet.yaml:4:1"), new ExpectedText(TestPdfs.TITLE, "t"));
        VerifyResult result = Verifier.verify(pdf, new VerifyOptions(300, Files.size(pdf), text));
        assertEquals(List.of(), result.failures());
    }

    @Test
    void fontNotEmbedded() {
        List<Failure> failures = failures(EnumSet.of(Flaw.HELVETICA), DEFAULTS);
        assertEquals(List.of(new Failure(Rule.FONT_EMBEDDED,
                "page 2: font Helvetica (Type1) is not embedded; readers without it substitute another")), failures);
    }

    @Test
    void glyphMissingFromItsFont() {
        List<Failure> failures = failures(EnumSet.of(Flaw.NOTDEF), DEFAULTS);
        assertEquals(1, failures.size(), failures.toString());
        assertEquals(Rule.MISSING_GLYPH, failures.getFirst().rule());
        assertTrue(failures.getFirst().message().matches(
                "page 2: font Lato-Regular has no glyph for code 0x0000: it shows as an empty box"), failures.toString());
    }

    @Test
    void glyphWithoutUnicodeMapping() {
        List<Failure> failures = failures(EnumSet.of(Flaw.NO_UNICODE), DEFAULTS);
        assertEquals(1, failures.size(), failures.toString());
        assertEquals(Rule.MISSING_GLYPH, failures.getFirst().rule());
        assertTrue(failures.getFirst().message().startsWith("page 2: font Lato-Regular maps code 0x"), failures.toString());
        assertTrue(failures.getFirst().message().endsWith("to no character: it cannot be searched or copied"));
    }

    @Test
    void imageBelowTheResolutionFloor() {
        List<Failure> failures = failures(EnumSet.of(Flaw.LOW_RES_IMAGE), DEFAULTS);
        assertEquals(List.of(new Failure(Rule.IMAGE_RESOLUTION, "page 2: image Im1 (100 x 100 px, placed at 50.8 x 50.8 mm)"
                + " is 50 ppi, below the floor of 120 ppi")), failures);
        // The 300 ppi image of page 1 passes a 300 floor and fails a 301 one.
        assertEquals(List.of(), failures(EnumSet.noneOf(Flaw.class), new VerifyOptions(300, null, null)));
        assertEquals(1, failures(EnumSet.noneOf(Flaw.class), new VerifyOptions(301, null, null)).size());
    }

    @Test
    void brokenLinkTargets() {
        List<String> messages = failures(EnumSet.of(Flaw.BROKEN_LINKS), DEFAULTS).stream()
                .peek(f -> assertEquals(Rule.LINK_TARGET, f.rule()))
                .map(Failure::message).toList();
        assertEquals(5, messages.size(), messages.toString());
        assertEquals("page 2: link to #nowhere: no destination named 'nowhere' in the document", messages.get(0));
        assertEquals("page 2: link: page 7 is out of range (the document has 2 pages)", messages.get(1));
        assertTrue(messages.get(2).startsWith("page 2: link to https://exa mple.org/with space: malformed URI"), messages.get(2));
        assertEquals("page 2: link to www.example.org: not an absolute URI (no scheme such as https:)", messages.get(3));
        assertEquals("bookmark 'Stray': points to a page that is not in the document", messages.get(4));
    }

    @Test
    void linksThatRunCodeOrOpenFilesAreBroken() {
        List<String> messages = failures(EnumSet.of(Flaw.UNSAFE_LINKS), DEFAULTS).stream()
                .peek(f -> assertEquals(Rule.LINK_TARGET, f.rule()))
                .map(Failure::message).toList();
        assertEquals(List.of("page 2: link to javascript:app.alert(1): a 'javascript:' link, which a brochure may not carry"
                        + " (only http, https, mailto, tel)",
                "page 2: link to file:///etc/passwd: a 'file:' link, which a brochure may not carry (only http, https,"
                        + " mailto, tel)",
                "page 2: link to action Launch: a Launch action, which a brochure may not carry (it runs code, opens files or"
                        + " sends data)"), messages);
    }

    @Test
    void textOutsideThePageFailsAndIsNotCountedAsPresent() {
        List<Failure> failures = failures(EnumSet.of(Flaw.OFF_PAGE_TEXT), new VerifyOptions(150, null,
                List.of(new ExpectedText(TestPdfs.OFF_PAGE_TEXT, "sections/a.yaml:4:8"))));
        assertEquals(List.of(new Failure(Rule.TEXT_ON_PAGE, "page 2: 23 glyphs are drawn outside the page, where no reader"
                        + " sees them: \"Hidden beyond the edge.\""),
                new Failure(Rule.CONTENT_TEXT, "sections/a.yaml:4:8: text not found in the PDF: \"Hidden beyond the edge.\"",
                        "sections/a.yaml:4:8")),
                failures);
    }

    @Test
    void aPdfWithoutPagesFails() throws IOException {
        Path empty = dir.resolve("empty.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.save(empty.toFile());
        }
        VerifyResult result = Verifier.verify(empty, DEFAULTS);
        assertEquals(List.of(new Failure(Rule.PAGES, "the PDF has no pages")), result.failures());
    }

    @Test
    void contentTextMissingFromThePdf() {
        List<ExpectedText> text = List.of(
                new ExpectedText(TestPdfs.PAGE_ONE_TEXT, "sections/a.yaml:3:5"),
                new ExpectedText("This paragraph was never set on any page of the leaflet.", "sections/b.yaml:7:3"),
                new ExpectedText(TestPdfs.PAGE_TWO_TEXT.replace("Second", "Third"), "sections/c.yaml:2:8"));
        List<Failure> failures = failures(EnumSet.noneOf(Flaw.class), new VerifyOptions(150, null, text));
        assertEquals(List.of(
                new Failure(Rule.CONTENT_TEXT, "sections/b.yaml:7:3: text not found in the PDF: "
                        + "\"This paragraph was never set on any page of the leaflet.\"", "sections/b.yaml:7:3"),
                new Failure(Rule.CONTENT_TEXT, "sections/c.yaml:2:8: text not found in the PDF: "
                        + "\"Third page of the leaflet.\"", "sections/c.yaml:2:8")), failures);
    }

    @Test
    void fileOverTheSizeBudget() throws IOException {
        Path pdf = TestPdfs.wellMade(dir.resolve("big.pdf"));
        long size = Files.size(pdf);
        assertEquals(List.of(), Verifier.verify(pdf, new VerifyOptions(150, size, null)).failures());
        List<Failure> failures = Verifier.verify(pdf, new VerifyOptions(150, size - 1, null)).failures();
        assertEquals(1, failures.size());
        assertEquals(Rule.FILE_SIZE, failures.getFirst().rule());
        assertTrue(failures.getFirst().message().contains("(" + size + " bytes), over the budget of "), failures.toString());
    }

    private List<Failure> failures(EnumSet<Flaw> flaws, VerifyOptions options) {
        Path pdf = TestPdfs.write(dir.resolve(flaws.toString().replaceAll("\\W", "") + ".pdf"), flaws);
        return Verifier.verify(pdf, options).failures();
    }
}
