package dev.brochure.typeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.typeset.page.PageItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a row of equal height, a photo alone in its cell grows to the row's height (cropped to fill
 * it, never distorted), so a side photo always matches the text beside it.
 */
class RowPhotoHeightTest {

    @TempDir
    Path project;

    @Test
    void aLonePhotoInAnEqualHeightRowGrowsToTheHeightOfTheTextBesideIt() throws IOException {
        List<PageItem.PlacedImage> images = typeset("true", "");
        PageItem.PlacedImage photo = images.getFirst();
        assertNotNull(photo.clip(), "the photo is cropped to its frame");
        double textBottom = lastBaselines.getLast();
        assertTrue(photo.clip().height() > photo.clip().width() * 1.2,
                "the 1:1 frame grew to the text's height: " + photo.clip());
        assertEquals(textBottom, photo.clip().bottom(), 12, "the frame ends with the text");
        double scale = photo.width() / photo.height();
        double pixels = 1600.0 / 2000.0;
        assertEquals(pixels, scale, 0.001, "the picture keeps its proportions");
    }

    @Test
    void withoutEqualHeightOrWithACaptionlessSecondBlockThePhotoKeepsItsAspect() throws IOException {
        PageItem.PlacedImage plain = typeset("false", "").getFirst();
        assertEquals(plain.clip() == null ? plain.width() : plain.clip().width(),
                plain.clip() == null ? plain.height() : plain.clip().height(), 0.01);
        PageItem.PlacedImage accompanied = typeset("true", "<p>beside the photo</p>").getFirst();
        double w = accompanied.clip() == null ? accompanied.width() : accompanied.clip().width();
        double h = accompanied.clip() == null ? accompanied.height() : accompanied.clip().height();
        assertEquals(w, h, 0.01, "a photo that shares its cell is not stretched");
    }

    /** The baselines of the text of the last page typeset, top to bottom. */
    private List<Double> lastBaselines;

    private List<PageItem.PlacedImage> typeset(String equalHeight, String alsoInPhotoCell) throws IOException {
        Path content = project.resolve("c" + equalHeight + alsoInPhotoCell.length());
        Files.createDirectories(content.resolve("sections"));
        Files.createDirectories(content.resolve("layouts"));
        Files.copy(Path.of("images/campus/mentorship-path.jpg"), content.resolve("photo.jpg"));
        Files.writeString(content.resolve("layouts/side.schema.yaml"), "fields:\n  photo: image\n  text: text\n");
        Files.writeString(content.resolve("layouts/side.ftlx"), """
                <section master="cover">
                  <row equal-height="%s" gap="6mm">
                    <cell><image src="${section.photo}" aspect="1:1"/>%s</cell>
                    <cell><#list 1..12 as i><p>${section.text}</p></#list></cell>
                  </row>
                </section>
                """.formatted(equalHeight, alsoInPhotoCell));
        Files.writeString(content.resolve("sections/s.yaml"), "layout: side\nphoto: photo.jpg\ntext: "
                + "Words that fill a narrow column for several lines, so the text is taller than the photo.\n");
        Files.writeString(content.resolve("brochure.yaml"), "title: T\nauthor: A\nsections: [sections/s.yaml]\n");
        Typesetter.Result result = new Pipeline(Map.of()).typeset(BuildRequest.of(content, project.resolve("x.pdf"))
                .withProjectRoot(content));
        // The cover master has no running footer, so every line on the page is the row's text.
        List<PageItem> items = result.document().pages().getFirst().items();
        lastBaselines = items.stream().filter(PageItem.GlyphRun.class::isInstance)
                .map(i -> ((PageItem.GlyphRun) i).baseline()).sorted().toList();
        return items.stream().filter(PageItem.PlacedImage.class::isInstance).map(PageItem.PlacedImage.class::cast)
                .toList();
    }
}
