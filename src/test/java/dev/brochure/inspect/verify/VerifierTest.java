package dev.brochure.inspect.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentText;
import dev.brochure.testing.BuiltBrochure;
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
        List<ExpectedText> text = ContentText.units(BuiltBrochure.OPTML.content()).stream()
                .map(u -> new ExpectedText(u.text(), u.where().toString())).toList();
        assertTrue(text.size() >= 5, text.toString());
        VerifyResult result = Verifier.verify(BuiltBrochure.OPTML.pdf(), new VerifyOptions(150, 20_000_000L, text));
        assertEquals(List.of(), result.failures());
        assertEquals(java.util.Arrays.stream(Rule.values()).filter(r -> r != Rule.PDFX).toList(), result.checked(),
                "every rule but the PDF/X one, which needs --pdfx");
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
        // The off-page text is drawn untagged as well, which the tagged rule reports on its own.
        assertEquals(List.of(new Failure(Rule.TEXT_ON_PAGE, "page 2: 23 glyphs are drawn outside the page, where no reader"
                        + " sees them: \"Hidden beyond the edge.\""),
                new Failure(Rule.CONTENT_TEXT, "sections/a.yaml:4:8: text not found in the PDF: \"Hidden beyond the edge.\"",
                        "sections/a.yaml:4:8")),
                failures.stream().filter(f -> f.rule() != Rule.TAGGED).toList());
    }

    @Test
    void aPdfWithoutPagesFails() throws IOException {
        Path empty = dir.resolve("empty.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.save(empty.toFile());
        }
        VerifyResult result = Verifier.verify(empty, DEFAULTS);
        assertEquals(new Failure(Rule.PAGES, "the PDF has no pages"), result.failures().getFirst());
        assertTrue(result.failures().stream().allMatch(f -> f.rule() == Rule.PAGES || f.rule() == Rule.TAGGED),
                "an empty PDF is also untagged, and nothing else: " + result.failures());
    }

    @Test
    void contentThatIsNeitherTaggedNorAnArtifact() {
        List<Failure> failures = failures(EnumSet.of(Flaw.UNTAGGED), DEFAULTS);
        assertEquals(List.of(new Failure(Rule.TAGGED, "page 2: 10 glyphs ('Not tagged') neither tagged content of the"
                + " structure nor marked as artifacts")), failures);
    }

    @Test
    void aPdfWithoutStructureIsNotTagged() {
        List<String> messages = failures(EnumSet.of(Flaw.NOT_TAGGED), DEFAULTS).stream()
                .peek(f -> assertEquals(Rule.TAGGED, f.rule())).map(Failure::message).toList();
        assertEquals("the PDF has no structure tree (StructTreeRoot): it is not tagged, so screen readers guess what"
                + " its content is and in which order to read it", messages.get(0));
        assertEquals("the catalogue's MarkInfo does not say Marked true", messages.get(1));
        assertTrue(messages.get(2).startsWith("page 1: "), messages.toString());
        assertTrue(messages.get(2).contains(" glyphs ('A Well-Made Lea"), messages.get(2));
        assertTrue(messages.get(2).contains(", 1 image neither"), "the image is untagged too: " + messages.get(2));
        assertTrue(messages.get(3).startsWith("page 2: "), messages.toString());
        assertEquals(4, messages.size(), "the page numbers are artifacts still: " + messages);
    }

    @Test
    void textOfLowContrastOnPaper() {
        List<Failure> failures = failures(EnumSet.of(Flaw.LOW_CONTRAST), DEFAULTS);
        assertEquals(List.of(new Failure(Rule.CONTRAST, "page 2: text 'Pale words' in #AAAAAA on #FFFFFF has a"
                + " contrast of 2.32:1, below 4.5:1 (body text)"), new Failure(Rule.CONTRAST, "page 2: text"
                + " 'Regular and grey' in #949494 on #FFFFFF has a contrast of 3.03:1, below 4.5:1 (body text)")),
                failures, "15 pt regular is body text; the same grey at 15 pt bold and at 20 pt (page 1) is large");
    }

    @Test
    void textOfLowContrastOnAPhotoIsJudgedByThePixelsUnderIt() {
        List<Failure> failures = failures(EnumSet.of(Flaw.LOW_CONTRAST_ON_PHOTO), DEFAULTS);
        assertEquals(1, failures.size(), failures.toString());
        String message = failures.getFirst().message();
        assertEquals(Rule.CONTRAST, failures.getFirst().rule());
        assertTrue(message.startsWith("page 1: text 'Washed out' in #FFFFFF on #"), message);
        assertTrue(message.endsWith("below 4.5:1 (body text)"), message);
        assertTrue(!message.contains("on #FFFFFF"), "the background is the photo's, not the paper's: " + message);
        // The well-made leaflet's white words on the dark end of the same photo pass (aWellMadePdf...).
    }

    @Test
    void contrastIsWcagsRatioOfRelativeLuminances() {
        assertEquals(21, dev.brochure.inspect.Accessibility.contrast(0x000000, 0xFFFFFF), 1e-9);
        assertEquals(1, dev.brochure.inspect.Accessibility.contrast(0x18453B, 0x18453B), 1e-9);
        assertEquals(2.29, dev.brochure.inspect.Accessibility.contrast(0xD9A23A, 0xFFFFFF), 0.005,
                "the OPTML gold on white, as the issue measured it");
        assertEquals(5.25, dev.brochure.inspect.Accessibility.contrast(0x8F6414, 0xFFFFFF), 0.005,
                "its deeper shade for text on paper");
        double grey = dev.brochure.inspect.Accessibility.contrast(TestPdfs.MID_GREY, 0xFFFFFF);
        assertTrue(grey > 3 && grey < 4.5, "the well-made leaflet's large grey heading passes only as large text: "
                + grey);
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
