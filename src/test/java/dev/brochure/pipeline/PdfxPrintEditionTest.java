package dev.brochure.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.inspect.PdfxCheck;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.color.PDSeparation;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 5: the print edition is a PDF/X-4 file. Read back with PDFBox: the output intent
 * and its embedded CMYK profile, the identification in the information dictionary and the XMP,
 * the page boxes, and colour: every fill, stroke and image in an ICC-based colour space.
 */
class PdfxPrintEditionTest {

    @TempDir
    static Path temp;

    static Path print;
    static Path screen;

    @BeforeAll
    static void build() {
        TestProject project = TestProject.copy("minimal", temp.resolve("project"));
        print = temp.resolve("print.pdf");
        screen = temp.resolve("screen.pdf");
        new Pipeline(Map.of()).build(project.request(print).withProfile(OutputProfile.PRINT, false));
        new Pipeline(Map.of()).build(project.request(screen).withProfile(OutputProfile.SCREEN, false));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PdfxPrintEditionTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(COSStream stream) throws IOException {
        try (InputStream in = stream.createInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void theOutputIntentIsFogra39WithTheShippedCmykProfileEmbedded() throws Exception {
        try (PDDocument doc = PdfFiles.open(print)) {
            COSArray intents = doc.getDocumentCatalog().getCOSObject().getCOSArray(COSName.OUTPUT_INTENTS);
            assertEquals(1, intents.size());
            COSDictionary intent = (COSDictionary) intents.getObject(0);
            assertEquals("GTS_PDFX", intent.getCOSName(COSName.S).getName());
            assertEquals("FOGRA39", intent.getString(COSName.getPDFName("OutputConditionIdentifier")));
            assertEquals("http://www.color.org", intent.getString(COSName.getPDFName("RegistryName")));
            COSStream profile = (COSStream) intent.getDictionaryObject(COSName.DEST_OUTPUT_PROFILE);
            assertEquals(4, profile.getInt(COSName.N));
            byte[] embedded = bytes(profile);
            assertArrayEquals(resource("color/ISOcoated_v2_300_bas.icc"), embedded, "the profile as shipped");
            assertEquals("CMYK", new String(embedded, 16, 4, StandardCharsets.US_ASCII));
            assertEquals("prtr", new String(embedded, 12, 4, StandardCharsets.US_ASCII), "an output profile");
        }
        try (PDDocument doc = PdfFiles.open(screen)) {
            assertFalse(doc.getDocumentCatalog().getCOSObject().containsKey(COSName.OUTPUT_INTENTS),
                    "the screen edition claims no printing condition");
        }
    }

    @Test
    void itIdentifiesItselfAsPdfX4InTheInformationAndTheXmp() throws Exception {
        try (PDDocument doc = PdfFiles.open(print)) {
            assertEquals(1.6f, doc.getVersion(), 1e-6);
            assertEquals("PDF/X-4", doc.getDocumentInformation().getCustomMetadataValue("GTS_PDFXVersion"));
            assertEquals("False", doc.getDocumentInformation().getTrapped());
            String xmp;
            try (InputStream in = doc.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
                xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(xmp.contains("xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\""), xmp);
            assertTrue(xmp.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"), xmp);
            assertTrue(xmp.contains("<pdf:Trapped>False</pdf:Trapped>"), xmp);
            String title = doc.getDocumentInformation().getTitle();
            assertTrue(xmp.contains(">" + title + "</rdf:li>"), "dc:title is the information's title: " + xmp);
            assertTrue(xmp.contains("<pdf:Producer>" + doc.getDocumentInformation().getProducer() + "</pdf:Producer>"));
            assertTrue(xmp.contains("<xmpMM:DocumentID>uuid:") && xmp.contains("<xmpMM:RenditionClass>default<"), xmp);
            assertTrue(xmp.contains("<xmp:CreateDate>2025-") || xmp.contains("<xmp:CreateDate>20"), xmp);
        }
        try (PDDocument doc = PdfFiles.open(screen)) {
            assertEquals(null, doc.getDocumentInformation().getCustomMetadataValue("GTS_PDFXVersion"));
        }
    }

    @Test
    void everyPageHasATrimBoxInsideItsBleedBoxAndNoArtBox() throws Exception {
        try (PDDocument doc = PdfFiles.open(print)) {
            for (PDPage page : doc.getPages()) {
                COSDictionary dict = page.getCOSObject();
                assertTrue(dict.containsKey(COSName.TRIM_BOX) && dict.containsKey(COSName.BLEED_BOX));
                assertFalse(dict.containsKey(COSName.ART_BOX));
                PDRectangle trim = page.getTrimBox();
                PDRectangle bleed = page.getBleedBox();
                assertTrue(bleed.getLowerLeftX() < trim.getLowerLeftX() && bleed.getUpperRightY() > trim.getUpperRightY());
            }
        }
    }

    @Test
    void everyColourAndImageIsIccBasedAndTheCropMarksAreInRegistration() throws Exception {
        try (PDDocument doc = PdfFiles.open(print)) {
            byte[] srgb = resource("color/sRGB-v2-magic.icc");
            int images = 0;
            int fills = 0;
            boolean registration = false;
            for (PDPage page : doc.getPages()) {
                List<String> operators = new ArrayList<>();
                try (InputStream in = page.getContents()) {
                    operators(in.readAllBytes(), operators);
                }
                PDResources resources = page.getResources();
                for (COSName name : resources.getColorSpaceNames()) {
                    PDColorSpace cs = resources.getColorSpace(name);
                    if (cs instanceof PDICCBased icc) {
                        assertArrayEquals(srgb, bytes(icc.getPDStream().getCOSObject()), "the shipped sRGB profile");
                    } else if (cs instanceof PDSeparation sep) {
                        registration |= sep.getColorantName().equals("All");
                    }
                }
                for (COSName name : resources.getXObjectNames()) {
                    PDXObject x = resources.getXObject(name);
                    if (x instanceof PDImageXObject image) {
                        images++;
                        String space = image.getColorSpace().getName();
                        assertTrue(space.equals("ICCBased") || space.equals("DeviceGray") || space.equals("DeviceCMYK"),
                                "image " + name.getName() + " on page " + page + ": " + space);
                    } else if (x instanceof PDFormXObject form) {
                        operators(form.getContentStream().toByteArray(), operators);
                        assertTrue(form.getResources().getColorSpaceNames().iterator().hasNext()
                                || !operators.contains("sc"), "a form that sets colour names its colour space");
                    }
                }
                assertFalse(operators.contains("rg") || operators.contains("RG"), "no DeviceRGB colour: " + operators);
                fills += (int) operators.stream().filter(o -> o.equals("sc") || o.equals("SC")).count();
                assertTrue(page.getAnnotations().stream().noneMatch(a -> a instanceof PDAnnotationLink),
                        "no link annotations on a page for print");
            }
            assertTrue(images >= 2 && fills > 5, images + " images, " + fills + " colours");
            assertTrue(registration, "crop marks in the separation All");
            assertEquals(List.of(), PdfxCheck.problems(doc), "and verify --pdfx finds nothing");
        }
        try (PDDocument doc = PdfFiles.open(screen)) {
            assertTrue(doc.getPage(1).getAnnotations().stream().anyMatch(a -> a instanceof PDAnnotationLink)
                    || doc.getPage(0).getAnnotations().stream().anyMatch(a -> a instanceof PDAnnotationLink),
                    "the screen edition keeps its links");
            assertFalse(PdfxCheck.problems(doc).isEmpty());
        }
    }

    @Test
    void thePrintEditionIsReproducible() throws Exception {
        TestProject project = TestProject.copy("minimal", temp.resolve("again"));
        Path again = temp.resolve("again.pdf");
        new Pipeline(Map.of()).build(project.request(again).withProfile(OutputProfile.PRINT, false));
        assertArrayEquals(Files.readAllBytes(print), Files.readAllBytes(again));
    }

    private static void operators(byte[] content, List<String> out) throws IOException {
        for (Object token : new PDFStreamParser(content).parse()) {
            if (token instanceof Operator op) {
                out.add(op.getName());
            }
        }
    }
}
