package dev.brochure.inspect.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pdfx rule of {@code verify --pdfx}, on PDF/X-4 files made with plain PDFBox: a well-made one
 * passes, and each one made to break one requirement fails with one line that names it.
 */
class PdfxRuleTest {

    @TempDir
    Path dir;

    enum Flaw {
        NO_INTENT, RGB_INTENT, DEVICE_RGB_FILL, DEVICE_RGB_IMAGE, DEFAULT_RGB, NO_TRIM_BOX, BLEED_INSIDE_TRIM,
        ART_AND_TRIM, NO_XMP_VERSION, INFO_VERSION_X3, NO_TRAPPED, PDF_17, NO_ID, NO_BLEED_BOX, NO_PROFILE,
        TWO_INTENTS, NO_XMP_IDS, TRAPPED_DISAGREES, NO_INFO_IDENTIFICATION
    }

    private static final VerifyOptions PDFX = new VerifyOptions(VerifyOptions.DEFAULT_MIN_PPI, null, null, true);

    private List<Failure> failures(Set<Flaw> flaws) throws IOException {
        Path pdf = write(dir.resolve("x" + flaws.hashCode() + ".pdf"), flaws);
        VerifyResult result = Verifier.verify(pdf, PDFX);
        assertTrue(result.checked().contains(Rule.PDFX));
        return withoutTagging(result.failures());
    }

    /**
     * The files here are another tool's PDF/X, not tagged (the tagged rule, on by default, says so
     * about every one of them): the failures of the other rules, the PDF/X rule's among them.
     */
    private static List<Failure> withoutTagging(List<Failure> failures) {
        return failures.stream().filter(f -> f.rule() != Rule.TAGGED).toList();
    }

    private static String only(List<Failure> failures) {
        assertEquals(1, failures.size(), failures.toString());
        assertEquals(Rule.PDFX, failures.getFirst().rule());
        return failures.getFirst().message();
    }

    @Test
    void aWellMadePdfX4FileOfAnotherToolPasses() throws IOException {
        assertEquals(List.of(), failures(EnumSet.noneOf(Flaw.class)));
    }

    @Test
    void withoutTheOptionThePdfxRuleIsNotChecked() throws IOException {
        Path pdf = write(dir.resolve("plain.pdf"), EnumSet.of(Flaw.NO_INTENT, Flaw.DEVICE_RGB_FILL));
        VerifyResult result = Verifier.verify(pdf, new VerifyOptions(VerifyOptions.DEFAULT_MIN_PPI, null, null));
        assertFalse(result.checked().contains(Rule.PDFX));
        assertEquals(List.of(), withoutTagging(result.failures()));
    }

    @Test
    void anOutputIntentIsRequiredAndItsProfileMustBeCmyk() throws IOException {
        // Without an intent, the RGB colours it would define are device RGB too.
        List<Failure> none = failures(EnumSet.of(Flaw.NO_INTENT));
        assertTrue(none.stream().anyMatch(f -> f.message().equals(
                "the catalog has no PDF/X output intent (/OutputIntents with /S /GTS_PDFX)")), none.toString());
        // An RGB intent: not the condition a print edition is made for, and it defines no CMYK.
        assertEquals(List.of(new Failure(Rule.PDFX, "the output intent's profile is RGB, not CMYK: the print edition is"
                + " made for a CMYK printing condition"), new Failure(Rule.PDFX, "page 1: a CMYK colour (k): device CMYK,"
                + " which the RGB output intent does not define")), failures(EnumSet.of(Flaw.RGB_INTENT)));
    }

    @Test
    void deviceRgbFailsWhereverItIsUsedUnlessADefaultRgbMakesItIccBased() throws IOException {
        assertEquals("page 1: an RGB colour (rg): device RGB without an ICC profile: with a CMYK output intent, RGB"
                + " must be ICC-based", only(failures(EnumSet.of(Flaw.DEVICE_RGB_FILL))));
        assertEquals("page 1: image /Im1 in DeviceRGB: device RGB without an ICC profile: with a CMYK output intent,"
                + " RGB must be ICC-based", only(failures(EnumSet.of(Flaw.DEVICE_RGB_IMAGE))));
        assertEquals(List.of(), failures(EnumSet.of(Flaw.DEVICE_RGB_FILL, Flaw.DEVICE_RGB_IMAGE, Flaw.DEFAULT_RGB)));
    }

    @Test
    void everyPageNeedsATrimBoxInsideItsBleedBoxAndNotAlsoAnArtBox() throws IOException {
        assertEquals("page 1: no TrimBox (where the printed page is cut)", only(failures(EnumSet.of(Flaw.NO_TRIM_BOX))));
        assertEquals("page 1: the BleedBox [20.00 20.00 610.00 790.00] does not contain the TrimBox [9.00 9.00 621.00"
                + " 801.00]", only(failures(EnumSet.of(Flaw.BLEED_INSIDE_TRIM))));
        assertEquals("page 1: both TrimBox and ArtBox: PDF/X allows one of them",
                only(failures(EnumSet.of(Flaw.ART_AND_TRIM))));
    }

    @Test
    void theIdentificationTrappingVersionAndIdentifierAreChecked() throws IOException {
        assertEquals("the XMP metadata has no pdfxid:GTS_PDFXVersion", only(failures(EnumSet.of(Flaw.NO_XMP_VERSION))));
        assertEquals("the information dictionary's /GTS_PDFXVersion is 'PDF/X-3:2003', not PDF/X-4",
                only(failures(EnumSet.of(Flaw.INFO_VERSION_X3))));
        assertEquals("the XMP metadata's pdf:Trapped is missing: PDF/X wants True or False",
                only(failures(EnumSet.of(Flaw.NO_TRAPPED))));
        assertEquals("the XMP metadata's pdf:Trapped (False) does not match the information's /Trapped (True)",
                only(failures(EnumSet.of(Flaw.TRAPPED_DISAGREES))));
        assertEquals("the XMP metadata has no xmpMM:DocumentID, xmpMM:VersionID, xmpMM:RenditionClass: PDF/X-4"
                + " requires them", only(failures(EnumSet.of(Flaw.NO_XMP_IDS))));
        assertEquals("the file is PDF 1.7: PDF/X-4 is based on PDF 1.6, at most", only(failures(EnumSet.of(Flaw.PDF_17))));
        assertEquals("the trailer has no /ID: PDF/X requires a file identifier", only(failures(EnumSet.of(Flaw.NO_ID))));
    }

    /** PDF/X-4 identifies a file in its XMP; the information dictionary need not repeat it. */
    @Test
    void theInformationDictionaryNeedNotRepeatTheIdentification() throws IOException {
        assertEquals(List.of(), failures(EnumSet.of(Flaw.NO_INFO_IDENTIFICATION)));
    }

    @Test
    void everyPageNeedsABleedBoxAndTheIntentOneEmbeddedProfile() throws IOException {
        assertEquals("page 1: no BleedBox (how far the art runs beyond the trim)",
                only(failures(EnumSet.of(Flaw.NO_BLEED_BOX))));
        List<Failure> noProfile = failures(EnumSet.of(Flaw.NO_PROFILE));
        assertTrue(noProfile.stream().anyMatch(f -> f.message().equals("the output intent embeds no /DestOutputProfile:"
                + " PDF/X-4 requires the profile in the file")), noProfile.toString());
        assertEquals("the catalog has 2 PDF/X output intents: PDF/X allows one",
                only(failures(EnumSet.of(Flaw.TWO_INTENTS))));
    }

    // ------------------------------------------------------------------ the test files

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PdfxRuleTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    static Path write(Path file, Set<Flaw> flaws) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.setVersion(flaws.contains(Flaw.PDF_17) ? 1.7f : 1.6f);
            PDPage page = new PDPage(new PDRectangle(630, 810));
            doc.addPage(page);
            if (!flaws.contains(Flaw.NO_TRIM_BOX)) {
                page.setTrimBox(new PDRectangle(9, 9, 612, 792));
            }
            if (!flaws.contains(Flaw.NO_BLEED_BOX)) {
                page.setBleedBox(flaws.contains(Flaw.BLEED_INSIDE_TRIM) ? new PDRectangle(20, 20, 590, 770)
                        : new PDRectangle(0, 0, 630, 810));
            }
            if (flaws.contains(Flaw.ART_AND_TRIM)) {
                page.setArtBox(new PDRectangle(9, 9, 612, 792));
            }
            PDStream srgbStream = new PDStream(doc, new ByteArrayInputStream(resource("color/sRGB-v2-magic.icc")));
            srgbStream.getCOSObject().setInt(COSName.N, 3);
            srgbStream.getCOSObject().setItem(COSName.ALTERNATE, COSName.DEVICERGB);
            COSArray iccArray = new COSArray();
            iccArray.add(COSName.ICCBASED);
            iccArray.add(srgbStream);
            PDICCBased srgb = PDICCBased.create(iccArray, null);
            PDResources resources = new PDResources();
            page.setResources(resources);
            if (flaws.contains(Flaw.DEFAULT_RGB)) {
                resources.put(COSName.DEFAULT_RGB, srgb);
            }
            PDImageXObject image = LosslessFactory.createFromImage(doc,
                    new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB));
            if (!flaws.contains(Flaw.DEVICE_RGB_IMAGE)) {
                image.setColorSpace(srgb);
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                if (flaws.contains(Flaw.DEVICE_RGB_FILL)) {
                    cs.setNonStrokingColor(0.1f, 0.3f, 0.2f);
                } else {
                    cs.setNonStrokingColor(new PDColor(new float[] {0.1f, 0.3f, 0.2f}, srgb));
                }
                cs.addRect(100, 100, 200, 100);
                cs.fill();
                cs.setNonStrokingColor(0f, 0f, 0f, 1f); // DeviceCMYK: the output intent's own space
                cs.addRect(100, 300, 200, 20);
                cs.fill();
                cs.drawImage(image, 100, 400, 120, 90);
            }
            if (!flaws.contains(Flaw.NO_INTENT)) {
                byte[] profile = resource(flaws.contains(Flaw.RGB_INTENT) ? "color/sRGB-v2-magic.icc"
                        : "color/ISOcoated_v2_300_bas.icc");
                PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(profile));
                intent.getCOSObject().setItem(COSName.S, COSName.getPDFName("GTS_PDFX"));
                intent.setOutputConditionIdentifier("FOGRA39");
                intent.setRegistryName("http://www.color.org");
                intent.setInfo("ISO Coated v2 300% (basICColor)");
                intent.getDestOutputIntent().setInt(COSName.N,
                        flaws.contains(Flaw.RGB_INTENT) ? 3 : 4);
                if (flaws.contains(Flaw.NO_PROFILE)) {
                    intent.getCOSObject().removeItem(COSName.DEST_OUTPUT_PROFILE);
                }
                doc.getDocumentCatalog().addOutputIntent(intent);
                if (flaws.contains(Flaw.TWO_INTENTS)) {
                    PDOutputIntent second = new PDOutputIntent(doc, new ByteArrayInputStream(profile));
                    second.getCOSObject().setItem(COSName.S, COSName.getPDFName("GTS_PDFX"));
                    second.setOutputConditionIdentifier("FOGRA51");
                    doc.getDocumentCatalog().addOutputIntent(second);
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("A Leaflet for Print");
            Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            date.setTimeInMillis(1_700_000_000_000L);
            info.setCreationDate(date);
            info.setModificationDate(date);
            if (!flaws.contains(Flaw.NO_INFO_IDENTIFICATION)) {
                info.setCustomMetadataValue("GTS_PDFXVersion", flaws.contains(Flaw.INFO_VERSION_X3) ? "PDF/X-3:2003"
                        : "PDF/X-4");
                if (!flaws.contains(Flaw.NO_TRAPPED)) {
                    info.setTrapped(flaws.contains(Flaw.TRAPPED_DISAGREES) ? "True" : "False");
                }
            }
            String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                    + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                    + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                    + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">A Leaflet for Print</rdf:li></rdf:Alt></dc:title>"
                    + "</rdf:Description>"
                    + "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">"
                    + "<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"
                    + "<xmp:ModifyDate>2023-11-14T22:13:20Z</xmp:ModifyDate></rdf:Description>"
                    + (flaws.contains(Flaw.NO_XMP_IDS) ? "" : "<rdf:Description rdf:about=\"\""
                            + " xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">"
                            + "<xmpMM:DocumentID>uuid:6f1c2a4e-8d3b-4c1e-9a7f-2b5d0e3c4f10</xmpMM:DocumentID>"
                            + "<xmpMM:VersionID>1</xmpMM:VersionID>"
                            + "<xmpMM:RenditionClass>default</xmpMM:RenditionClass></rdf:Description>")
                    + "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
                    + (flaws.contains(Flaw.NO_TRAPPED) ? "" : " pdf:Trapped=\"False\"") + "/>"
                    + (flaws.contains(Flaw.NO_XMP_VERSION) ? "" : "<rdf:Description rdf:about=\"\""
                            + " xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">"
                            + "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion></rdf:Description>")
                    + "</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(metadata);
            COSArray id = new COSArray();
            id.add(new COSString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}));
            id.add(new COSString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}));
            doc.getDocument().setDocumentID(id);
            doc.save(file.toFile());
        }
        if (flaws.contains(Flaw.NO_ID)) {
            // PDFBox always writes an /ID; blank it out of the trailer (same length, so offsets hold).
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int at = text.lastIndexOf("/ID");
            int end = text.indexOf(']', at);
            java.util.Arrays.fill(bytes, at, end + 1, (byte) ' ');
            java.nio.file.Files.write(file, bytes);
        }
        return file;
    }
}
