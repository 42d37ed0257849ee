package dev.brochure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.content.model.Value;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.testing.TestProject;
import dev.brochure.world.ProjectFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every informative image needs a description for readers who cannot see it: its own alt text
 * ({@code {src, alt}}), the field of its record its schema names ({@code alt: name}), or the
 * content's word that it is decorative. A missing one is an error at the image's YAML line.
 */
class ImageDescriptionTest {

    @TempDir
    Path temp;

    private static final String STORY_PHOTO = "photo: {src: images/landscape.jpg, alt: Rolling green hills in a wide frame}";

    private TestProject project() {
        return TestProject.copy("minimal", temp);
    }

    private BrochureContent load(TestProject project) {
        return ContentLoader.load(project.workspace()).orThrow();
    }

    private List<Diagnostic> errors(TestProject project) {
        return assertThrows(BrochureException.class, () -> load(project)).diagnostics();
    }

    private static Value.Image photo(BrochureContent content) {
        return (Value.Image) content.sections().get(1).fields().get("photo");
    }

    @Test
    void anImageWrittenWithItsDescriptionKeepsIt() {
        Value.Image photo = photo(load(project().replace("sections/story.yaml", STORY_PHOTO,
                "photo:\n  src: images/landscape.jpg\n  alt: Hills - at dawn, \"seen\" from the road")));
        assertEquals("Hills\u00A0– at dawn, “seen” from the road", photo.alt(), "set typographically, as plain text");
        assertFalse(photo.decorative());
        assertEquals(1200, photo.image().pixelWidth(), "the path still resolves to the image");
        assertEquals(9, photo.where().line(), "where its mapping starts");
    }

    @Test
    void anInformativeImageWithoutADescriptionIsAnErrorAtItsLine() {
        List<Diagnostic> errors = errors(project().replace("sections/story.yaml", STORY_PHOTO,
                "photo: images/landscape.jpg"));
        assertEquals(1, errors.size(), errors.toString());
        Diagnostic d = errors.getFirst();
        assertEquals("'photo' (images/landscape.jpg) has no description for readers who cannot see it", d.message());
        assertTrue(d.where().file().endsWith("sections/story.yaml"));
        assertEquals(8, d.where().line());
        assertEquals(8, d.where().column());
        assertTrue(d.hint().contains("{src: images/landscape.jpg, alt: \"what the picture shows\"}"), d.hint());
        assertTrue(d.hint().contains("decorative: true"), d.hint());
    }

    @Test
    void aDecorativeImageNeedsNoDescription() {
        Value.Image photo = photo(load(project().replace("sections/story.yaml", STORY_PHOTO,
                "photo: {src: images/landscape.jpg, decorative: true}")));
        assertTrue(photo.decorative());
        assertNull(photo.alt());
    }

    @Test
    void anImageIsEitherDecorativeOrDescribedAndNeverEmptilyDescribed() {
        List<Diagnostic> both = errors(project().replace("sections/story.yaml", STORY_PHOTO,
                "photo: {src: images/landscape.jpg, alt: Hills, decorative: true}"));
        assertEquals("'photo' is both decorative and described", both.getFirst().message());
        List<Diagnostic> empty = errors(project().replace("sections/story.yaml", STORY_PHOTO,
                "photo: {src: images/landscape.jpg, alt: \"\"}"));
        assertEquals("'photo' has an empty alt text", empty.getFirst().message());
        List<Diagnostic> unknown = errors(project().replace("sections/story.yaml", STORY_PHOTO,
                "photo: {src: images/landscape.jpg, title: Hills}"));
        assertTrue(unknown.getFirst().message().contains("unknown key 'title'"), unknown.toString());
        List<Diagnostic> noPath = errors(project().replace("sections/story.yaml", STORY_PHOTO,
                "photo: {alt: Hills}"));
        assertTrue(noPath.getFirst().message().contains("'src'"), noPath.toString());
    }

    @Test
    void theSchemaSaysWhichFieldDescribesAnImageAndWhichImagesAreDecoration() {
        TestProject project = project()
                .write("layouts/card.schema.yaml", """
                        fields:
                          name: {type: plain, required: true}
                          portrait: {type: image, alt: name}
                          pattern: {type: image, informative: false}
                          photos: {type: list, of: image}
                        """)
                .write("layouts/card.ftlx", "<section><p>${section.name}</p></section>\n")
                .write("sections/card.yaml", """
                        layout: card
                        name: Ada Lovelace
                        portrait: images/landscape.jpg
                        pattern: images/badge.png
                        photos:
                          - {src: images/landscape.jpg, alt: Hills}
                          - images/landscape.jpg
                        """)
                .replace("brochure.yaml", "  - sections/story.yaml", "  - sections/story.yaml\n  - sections/card.yaml");
        List<Diagnostic> errors = errors(project);
        assertEquals(1, errors.size(), "the portrait has its name, the pattern is decoration: " + errors);
        assertEquals("'photos' item 2 (images/landscape.jpg) has no description for readers who cannot see it",
                errors.getFirst().message());
        assertEquals(7, errors.getFirst().where().line());

        // Without the name that describes it, the portrait needs its own description.
        List<Diagnostic> nameless = errors(project.write("layouts/card.schema.yaml", """
                fields:
                  name: plain
                  portrait: {type: image, alt: name}
                """).write("sections/card.yaml", "layout: card\nportrait: images/landscape.jpg\n"));
        assertEquals("'portrait' (images/landscape.jpg) has no description for readers who cannot see it",
                nameless.getFirst().message());
        assertTrue(nameless.getFirst().hint().contains("or give 'name'"), nameless.getFirst().hint());
    }

    @Test
    void aSchemaThatDescribesAnImageByAFieldItDoesNotHaveIsWrong() {
        List<Diagnostic> errors = errors(project()
                .write("layouts/card.schema.yaml", "fields:\n  name: plain\n  portrait: {type: image, alt: nmae}\n")
                .write("layouts/card.ftlx", "<section><p>x</p></section>\n")
                .write("sections/card.yaml", "layout: card\nportrait: {src: images/landscape.jpg, alt: A}\n")
                .replace("brochure.yaml", "  - sections/story.yaml", "  - sections/story.yaml\n  - sections/card.yaml"));
        Diagnostic d = errors.getFirst();
        assertTrue(d.message().contains("takes its description from 'nmae'"), d.message());
        assertTrue(d.where().file().endsWith("card.schema.yaml"), d.where().toString());
        assertTrue(d.hint().contains("did you mean 'name'?"), d.hint());

        List<Diagnostic> notImage = errors(project()
                .write("layouts/card.schema.yaml", "fields:\n  name: {type: plain, informative: false}\n")
                .write("layouts/card.ftlx", "<section><p>x</p></section>\n")
                .write("sections/card.yaml", "layout: card\nname: N\n")
                .replace("brochure.yaml", "  - sections/story.yaml", "  - sections/story.yaml\n  - sections/card.yaml"));
        assertEquals("'informative' is only for image fields", notImage.getFirst().message());
    }

    @Test
    void theBuiltInLayoutsDescribePortraitsAndLogosByTheirNames() {
        TestProject project = project()
                .write("sections/people.yaml", """
                        layout: testimonials
                        title: Voices
                        entries:
                          - {name: Grace Hopper, portrait: images/landscape.jpg, quote: Q}
                        """)
                .write("sections/logos.yaml", """
                        layout: logo-wall
                        title: Partners
                        groups:
                          - {title: G, logos: [{name: Acme, logo: images/badge.png}]}
                        """)
                .replace("brochure.yaml", "  - sections/story.yaml",
                        "  - sections/story.yaml\n  - sections/people.yaml\n  - sections/logos.yaml");
        assertEquals(4, load(project).sections().size(), "a name is enough");
        // The article's photo is informative and described by nothing else.
        List<Diagnostic> errors = errors(project.replace("sections/story.yaml", STORY_PHOTO, "photo: images/badge.png"));
        assertEquals(1, errors.size(), errors.toString());
    }
}
