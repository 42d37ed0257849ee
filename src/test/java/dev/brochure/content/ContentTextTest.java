package dev.brochure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.content.model.Value;
import dev.brochure.testing.OptmlBrochure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentTextTest {

    @TempDir
    Path dir;

    @Test
    void unitsAreTheTextAndPlainValuesWithoutMarkupChoicesOrAssets() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("sections"));
        Files.createDirectories(content.resolve("layouts"));
        Files.writeString(content.resolve("brochure.yaml"), """
                title: Test
                sections: [sections/card.yaml]
                """);
        Files.writeString(content.resolve("layouts/card.schema.yaml"), """
                description: a test layout
                fields:
                  title: {type: text, required: true}
                  tone: {type: choice, values: [light, dark]}
                  photo: image
                  site: link
                  count: number
                  people:
                    type: list
                    of:
                      type: record
                      fields:
                        name: {type: plain, required: true}
                        bio: text
                """);
        Files.writeString(content.resolve("sections/card.yaml"), """
                layout: card
                title: "Hello **bold** and *italic* [site](https://example.org)"
                tone: dark
                photo: images/campus/cover-campus.jpg
                site: https://example.org
                count: 3
                people:
                  - name: Ada **Lovelace**
                    bio: Wrote the first program.
                  - name: Alan Turing
                """);
        BrochureContent loaded = ContentLoader.load(new ProjectFiles(content, Path.of("").toAbsolutePath()));

        List<ContentText.Unit> units = ContentText.units(loaded);

        assertEquals(List.of("Hello bold and italic site", "Ada **Lovelace**", "Wrote the first program.", "Alan Turing"),
                units.stream().map(ContentText.Unit::text).toList());
        assertEquals(List.of(2, 8, 9, 10), units.stream().map(u -> u.where().line()).toList());
        assertTrue(units.getFirst().where().file().endsWith("card.yaml"));
    }

    @Test
    void theOptmlBrochureGivesEverySectionsTitleAndNoPaths() {
        BrochureContent content = OptmlBrochure.content();
        List<String> units = ContentText.units(content).stream().map(ContentText.Unit::text).toList();
        for (var section : content.sections()) {
            if (section.fields().get("title") instanceof Value.Text title) {
                assertTrue(units.contains(title.text().plainText()), title + " missing from " + units);
            }
        }
        assertFalse(units.stream().anyMatch(u -> u.contains("**") || u.endsWith(".jpg") || u.endsWith(".png")), units.toString());
    }
}
