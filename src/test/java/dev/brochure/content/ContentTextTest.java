package dev.brochure.content;

import dev.brochure.testing.TestProject;
import java.util.Map;
import dev.brochure.world.Workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.content.model.Value;
import dev.brochure.testing.BuiltBrochure;
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
    void unitsAreTheTextAndPlainValuesWithoutMarkupChoicesAltTextOrAssets() throws IOException {
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
                  photo: {type: image, alt: photo-alt}
                  photo-alt: alt
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
                photo-alt: The campus in autumn
                site: https://example.org
                count: 3
                people:
                  - name: Ada **Lovelace**
                    bio: Wrote the first program.
                  - name: Alan Turing
                """);
        BrochureContent loaded = ContentLoader.load(Workspace.create(content, TestProject.REPO, Map.of(), TestProject.REPO)).orThrow();

        List<ContentText.Unit> units = ContentText.units(loaded);

        assertEquals(List.of("Hello bold and italic site", "Ada **Lovelace**", "Wrote the first program.", "Alan Turing"),
                units.stream().map(ContentText.Unit::text).toList());
        assertEquals(List.of(2, 9, 10, 11), units.stream().map(u -> u.where().line()).toList());
        assertTrue(units.getFirst().where().file().endsWith("card.yaml"));
        Value.Alt alt = (Value.Alt) loaded.sections().getFirst().fields().get("photo-alt");
        assertEquals("The campus in autumn", alt.text(), "an alt value is content, only not printed text");
    }

    @Test
    void altTextAndPlainTextAreNormalisedLikeText() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("sections"));
        Files.createDirectories(content.resolve("layouts"));
        Files.writeString(content.resolve("brochure.yaml"), "title: Test\nsections: [sections/card.yaml]\n");
        Files.writeString(content.resolve("layouts/card.schema.yaml"), """
                description: a test layout
                fields:
                  role: plain
                  tone: {type: choice, values: ["a - b"]}
                  logo: alt
                """);
        Files.writeString(content.resolve("sections/card.yaml"), """
                layout: card
                role: PhD student (Fall 2024 - Present), "top 3%"
                tone: a - b
                logo: The lab's logo - a green "O"
                """);
        Value.Fields fields = ContentLoader.load(Workspace.create(content, TestProject.REPO, Map.of(), TestProject.REPO)).orThrow()
                .sections().getFirst().fields();

        assertEquals("PhD student (Fall 2024\u00A0– Present), “top 3%”", ((Value.Plain) fields.get("role")).text());
        assertEquals("The lab’s logo\u00A0– a green “O”", ((Value.Alt) fields.get("logo")).text());
        assertEquals("a - b", ((Value.Choice) fields.get("tone")).word(), "a choice is a word the layout knows, as typed");
    }

    @Test
    void theOptmlBrochureGivesEverySectionsTitleAndNoPaths() {
        BrochureContent content = BuiltBrochure.OPTML.content();
        List<String> units = ContentText.units(content).stream().map(ContentText.Unit::text).toList();
        for (var section : content.sections()) {
            if (section.fields().get("title") instanceof Value.Text title) {
                assertTrue(units.contains(title.text().plainText()), title + " missing from " + units);
            }
        }
        assertFalse(units.stream().anyMatch(u -> u.contains("**") || u.endsWith(".jpg") || u.endsWith(".png")), units.toString());
    }
}
