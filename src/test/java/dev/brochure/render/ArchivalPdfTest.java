package dev.brochure.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.TypesetFixture;
import dev.brochure.testing.VeraPdf;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every PDF carries XMP metadata that says what its information dictionary says and claims
 * PDF/UA-1; an archival one ({@code archive}) also claims PDF/A-2a and carries the sRGB output
 * intent, and veraPDF confirms both. Rendered from the minimal fixture's typeset pages.
 */
class ArchivalPdfTest {

    private static final ZonedDateTime DATE = ZonedDateTime.of(2024, 5, 6, 14, 30, 0, 0, ZoneOffset.ofHours(2));
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    @TempDir
    static Path temp;

    private static TypesetFixture minimal;

    @BeforeAll
    static void typeset() {
        minimal = TypesetFixture.typeset("minimal", temp);
    }

    private static byte[] render(boolean archive) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRenderer.render(minimal.document(), RenderOptions.screen(DATE, "brochure test").withArchive(archive),
                minimal.workspace(), out);
        return out.toByteArray();
    }

    private static Document xmp(PDDocument doc) throws Exception {
        try (InputStream in = doc.getDocumentCatalog().getMetadata().createInputStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(in.readAllBytes()));
        }
    }

    /** The texts of the {@code rdf:li} items of the first property {@code ns:name}, or its own text. */
    private static List<String> values(Document xmp, String ns, String name) {
        NodeList found = xmp.getElementsByTagNameNS(ns, name);
        List<String> out = new ArrayList<>();
        if (found.getLength() == 0) {
            return out;
        }
        Element property = (Element) found.item(0);
        NodeList items = property.getElementsByTagNameNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "li");
        if (items.getLength() == 0) {
            out.add(property.getTextContent());
        }
        for (int i = 0; i < items.getLength(); i++) {
            out.add(items.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void theMetadataSaysWhatTheInformationDictionarySaysAndClaimsPdfUa() throws Exception {
        try (PDDocument doc = Loader.loadPDF(render(false))) {
            PDDocumentInformation info = doc.getDocumentInformation();
            Document xmp = xmp(doc);
            assertEquals(List.of(info.getTitle()), values(xmp, DC, "title"));
            assertEquals(List.of(info.getAuthor()), values(xmp, DC, "creator"));
            assertEquals(List.of(info.getSubject()), values(xmp, DC, "description"));
            assertEquals(List.of("alpha", "beta"), values(xmp, DC, "subject"), "the keywords, one by one");
            assertEquals(List.of(info.getKeywords()), values(xmp, "http://ns.adobe.com/pdf/1.3/", "Keywords"));
            assertEquals(List.of(info.getProducer()), values(xmp, "http://ns.adobe.com/pdf/1.3/", "Producer"));
            assertEquals(List.of("brochure test"), values(xmp, "http://ns.adobe.com/xap/1.0/", "CreatorTool"));
            assertEquals("brochure test", info.getCreator());
            OffsetDateTime created = OffsetDateTime.parse(values(xmp, "http://ns.adobe.com/xap/1.0/", "CreateDate")
                    .getFirst());
            assertEquals(info.getCreationDate().toInstant(), created.toInstant(), "the same moment in both");
            assertEquals(DATE.toInstant(), created.toInstant());
            assertEquals(List.of("1"), values(xmp, "http://www.aiim.org/pdfua/ns/id/", "part"));
            assertEquals(List.of(), values(xmp, "http://www.aiim.org/pdfa/ns/id/", "part"), "no PDF/A claim");
            assertFalse(doc.getDocumentCatalog().getCOSObject().containsKey(COSName.OUTPUT_INTENTS));
        }
    }

    @Test
    void anArchivalPdfIsPdfA2aWithTheSrgbOutputIntentAndStillPdfUa() throws Exception {
        byte[] pdf = render(true);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Document xmp = xmp(doc);
            assertEquals(List.of("2"), values(xmp, "http://www.aiim.org/pdfa/ns/id/", "part"));
            assertEquals(List.of("A"), values(xmp, "http://www.aiim.org/pdfa/ns/id/", "conformance"));
            assertEquals(List.of("1"), values(xmp, "http://www.aiim.org/pdfua/ns/id/", "part"));
            assertEquals(List.of("pdfuaid"), values(xmp, "http://www.aiim.org/pdfa/ns/schema#", "prefix"),
                    "PDF/A learns the pdfuaid namespace from an extension schema");
            COSArray intents = doc.getDocumentCatalog().getCOSObject().getCOSArray(COSName.OUTPUT_INTENTS);
            assertEquals(1, intents.size());
            COSDictionary intent = (COSDictionary) intents.getObject(0);
            assertEquals("GTS_PDFA1", intent.getNameAsString(COSName.S));
            assertEquals("sRGB IEC61966-2.1", intent.getString(COSName.OUTPUT_CONDITION_IDENTIFIER));
            COSStream profile = (COSStream) intent.getDictionaryObject(COSName.DEST_OUTPUT_PROFILE);
            assertEquals(3, profile.getInt(COSName.N));
            try (InputStream in = profile.createInputStream();
                    InputStream expected = getClass().getResourceAsStream("/color/sRGB-v2-magic.icc")) {
                assertArrayEquals(expected.readAllBytes(), in.readAllBytes(), "the CC0 sRGB profile, byte for byte");
            }
            assertFalse(doc.isEncrypted());
        }
        Path file = Files.write(temp.resolve("archive.pdf"), pdf);
        VeraPdf.Verdict pdfa = VeraPdf.pdfA2a(file);
        assertTrue(pdfa.compliant(), pdfa.toString());
        VeraPdf.Verdict ua = VeraPdf.pdfUa1(file);
        assertTrue(ua.compliant(), ua.toString());
    }

    @Test
    void withoutItsOutputIntentVeraPdfRefusesTheArchivalClaim() throws IOException {
        // The check is real: the same file less its output intent is no PDF/A (device RGB undefined).
        byte[] pdf = render(true);
        Path file = temp.resolve("no-intent.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
            doc.save(file.toFile());
        }
        VeraPdf.Verdict verdict = VeraPdf.pdfA2a(file);
        assertFalse(verdict.compliant(), verdict.toString());
        assertTrue(verdict.failures().stream().anyMatch(f -> f.description().contains("DeviceRGB")), verdict.toString());
    }
}
