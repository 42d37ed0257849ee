package dev.brochure.typeset;

import static dev.brochure.typeset.Stage.at;
import static dev.brochure.typeset.Stage.items;
import static dev.brochure.typeset.Stage.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.brochure.diag.BrochureException;
import dev.brochure.inspect.preview.PageRenderer;
import dev.brochure.layout.tree.Block;
import dev.brochure.render.PdfRenderer;
import dev.brochure.render.RenderOptions;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.vocab.Align;
import dev.brochure.vocab.Rgb;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * A {@code <qr>} block is drawn as vector modules (no image), reads back as its data when the
 * rendered page is scanned with ZXing's reader, and links to its address.
 */
class QrCodeTest {

    private static final String LINK = "https://www.optml-group.com/join?from=brochure&year=2025";

    private static Block.Qr qr(String data, double size, Rgb background) {
        return new Block.Qr(data, size, Rgb.BLACK, background, 'M', 4, Align.CENTER, "Scan to apply", at(3));
    }

    @Test
    void theCodeScansBackToItsDataFromTheRenderedPdf() throws Exception {
        TypesetDocument doc = Stage.typeset(section("probe", true, Stage.p("Scan the code to apply.", 2),
                qr(LINK, 90, null))).document();
        Page page = doc.pages().getFirst();
        PageItem.QrCode code = items(page, PageItem.QrCode.class).getFirst();
        assertEquals(LINK, code.data());
        assertEquals("Scan to apply", code.alt());
        assertEquals(90, (code.size() + 8) * code.module(), 0.01, "the symbol and its quiet zone fill the 90pt square");
        assertEquals(page.width() / 2, code.x() + code.size() * code.module() / 2, 0.01, "centred");
        assertTrue(items(page, PageItem.Link.class).stream().anyMatch(l -> l.target().equals(LINK)),
                "the code is also a link to its address");

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRenderer.render(doc, RenderOptions.screen(ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "test"),
                Stage.WORKSPACE, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            var resources = document.getPage(0).getResources();
            for (COSName name : resources.getXObjectNames()) {
                assertTrue(!resources.isImageXObject(name), "no image: the code is drawn as vector boxes");
            }
            BufferedImage image = new PageRenderer(document).render(1, 150);
            assertEquals(LINK, decode(image).getText());
        }
    }

    @Test
    void aCodeOnAColouredPanelScansOnItsOwnLightBackground() throws Exception {
        Rgb brand = Stage.THEME.colors().get("brand");
        Block.Panel panel = new Block.Panel(brand, null, 0, dev.brochure.vocab.Insets.all(20), 0, 0,
                dev.brochure.layout.tree.VAlign.TOP, java.util.List.of(qr("mailto:apply@example.org", 80,
                        Stage.THEME.colors().get("paper"))), at(3));
        TypesetDocument doc = Stage.typeset(section("probe", true, panel)).document();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRenderer.render(doc, RenderOptions.screen(ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "test"),
                Stage.WORKSPACE, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertEquals("mailto:apply@example.org", decode(new PageRenderer(document).render(1, 150)).getText());
        }
    }

    @Test
    void dataTooLongForAnyCodeIsAnErrorAtItsPlace() {
        BrochureException e = assertThrows(BrochureException.class, () -> Stage.typeset(section("probe", true,
                qr("x".repeat(5000), 90, null))));
        assertTrue(e.diagnostics().getFirst().message().contains("QR code cannot hold"), e.getMessage());
        assertEquals(3, e.diagnostics().getFirst().where().line());
    }

    private static Result decode(BufferedImage image) throws NotFoundException, com.google.zxing.ChecksumException,
            com.google.zxing.FormatException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap);
    }
}
