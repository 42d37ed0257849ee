package dev.brochure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.content.model.RichText;
import dev.brochure.content.model.Section;
import dev.brochure.content.model.Value;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.diag.Staged;
import dev.brochure.testing.TestProject;
import dev.brochure.vocab.Recipient;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.world.Workspace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placeholders and {@code when:} in content: what the loader makes of them, and what one
 * reader's copy (or the brochure without recipients) gets.
 */
class PersonalisationTest {

    private static final SourceLocation AT = new SourceLocation("sections/s.yaml", 3, 8);
    private static final SourceLocation SECTION = new SourceLocation("sections/s.yaml", 1, 1);

    @TempDir
    Path temp;

    private BrochureContent shell;

    @BeforeEach
    void theme() {
        shell = ContentLoader.load(Workspace.create(TestProject.copy("minimal", temp).content(), TestProject.REPO, java.util.Map.of(), TestProject.REPO))
                .orThrow();
    }

    private static Recipient reader(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return new Recipient(fields, new SourceLocation("r.csv", 7, 0));
    }

    private static Value.Personal personal(Value.Personal.Kind kind, String source, boolean required, String... fields) {
        return new Value.Personal(kind, source, List.of(fields), required, AT);
    }

    private BrochureContent content(Section... sections) {
        return new BrochureContent(shell.info(), shell.theme(), List.of(sections), shell.images(), shell.project());
    }

    private static Section section(String id, Section.When when, Map<String, Value> fields) {
        return new Section(id, "article", id, new Value.Fields(fields, SECTION), SECTION, null, when);
    }

    @Test
    void aPlaceholderIsReplacedAsIfTheValueWereTypedThereWithItsMarkupReadLiterally() {
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put("title", personal(Value.Personal.Kind.TEXT, "Dear **{{recipient.first_name}}**, see {{ recipient.site }}",
                true, "first_name", "site"));
        fields.put("kicker", personal(Value.Personal.Kind.PLAIN, "For {{recipient.first_name}} -- \"{{recipient.last_name}}\"",
                false, "first_name", "last_name"));
        BrochureContent content = content(section("s", null, fields));
        Recipient bob = reader("first_name", "*Bob* [x](https://evil.example) O'Neil", "last_name", "**Smith**",
                "site", "https://example.org/a_b*c");

        Section copy = Personalisation.personalise(content, bob).orThrow().sections().getFirst();

        Value.Text title = assertInstanceOf(Value.Text.class, copy.fields().get("title"));
        assertEquals("Dear *Bob* [x](https://evil.example) O’Neil, see https://example.org/a_b*c",
                title.text().plainText(), "markup characters stay as typed; the apostrophe is set typographically");
        List<RichText.Span> spans = title.text().spans();
        assertTrue(spans.stream().filter(s -> s.text().contains("Bob")).allMatch(s -> s.bold() && !s.italic()),
                "the reader's asterisks make nothing italic; the content's own ** still make bold: " + spans);
        assertTrue(spans.stream().noneMatch(s -> s.href() != null && !s.text().startsWith("http")),
                "link markup written in a field makes no link of its label (its address stays visible text): " + spans);
        assertTrue(spans.stream().anyMatch(s -> "https://example.org/a_b*c".equals(s.href())),
                "an address in a field is linked whole, as one typed in the content: " + spans);
        assertEquals(AT, title.where());
        Value.Plain kicker = assertInstanceOf(Value.Plain.class, copy.fields().get("kicker"));
        assertEquals("For *Bob* [x](https://evil.example) O’Neil\u00A0– “**Smith**”", kicker.text(),
                "set like a plain field: no markup, typographic quotes and dash (a no-break space before it)");
    }

    @Test
    void lineBreaksInAFieldAreSpaces() {
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put("intro", personal(Value.Personal.Kind.TEXT, "{{recipient.note}}", false, "note"));
        Section copy = Personalisation.personalise(content(section("s", null, fields)),
                reader("note", "one\r\n  two\nthree")).orThrow().sections().getFirst();
        assertEquals("one two three", ((Value.Text) copy.fields().get("intro")).text().plainText());
    }

    @Test
    void sectionsWithoutPlaceholdersAreTheSameObjectsInEveryCopy() {
        Map<String, Value> shared = Map.of("title", new Value.Plain("Same for all", AT));
        Map<String, Value> personal = Map.of("title", personal(Value.Personal.Kind.PLAIN, "Hi {{recipient.first_name}}",
                true, "first_name"));
        BrochureContent content = content(section("a", null, shared), section("b", null, personal));
        BrochureContent one = Personalisation.personalise(content, reader("first_name", "Ada")).orThrow();
        BrochureContent two = Personalisation.personalise(content, reader("first_name", "Alan")).orThrow();
        assertSame(content.sections().get(0), one.sections().get(0));
        assertSame(one.sections().get(0), two.sections().get(0));
        assertEquals("Hi Ada", ((Value.Plain) one.sections().get(1).fields().get("title")).text());
        assertEquals("Hi Alan", ((Value.Plain) two.sections().get(1).fields().get("title")).text());
        assertTrue(Personalisation.isPersonal(content.sections().get(1)));
        assertFalse(Personalisation.isPersonal(content.sections().get(0)));
        BrochureContent plain = content(section("a", null, shared));
        assertSame(plain, Personalisation.personalise(plain, Recipient.NONE).orThrow(),
                "content that names no recipient field is the brochure as read");
    }

    @Test
    void aSectionWithWhenIsShownOnlyToReadersWithThatField() {
        Section.When when = new Section.When("note", new SourceLocation("sections/n.yaml", 2, 7));
        BrochureContent content = content(section("cover", null, Map.of("title", new Value.Plain("Cover", AT))),
                section("note", when, Map.of("title", new Value.Plain("A note", AT))));
        assertEquals(List.of("cover", "note"), ids(Personalisation.personalise(content, reader("note", "Hello")).orThrow()));
        BrochureContent without = Personalisation.personalise(content, reader("note", "  ")).orThrow();
        assertEquals(List.of("cover"), ids(without), "a blank field is no field");
        assertFalse(without.anchors().contains("note"), "a link to the section left out is a broken link");
        assertEquals(List.of("cover"), ids(Personalisation.personalise(content, Recipient.NONE).orThrow()),
                "the brochure without recipients never shows it");
    }

    private static List<String> ids(BrochureContent content) {
        return content.sections().stream().map(Section::id).toList();
    }

    @Test
    void withoutARecipientValuesNamingFieldsAreLeftOutAndARequiredOneIsAnError() {
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put("kicker", personal(Value.Personal.Kind.PLAIN, "For {{recipient.first_name}}", false, "first_name"));
        fields.put("highlights", new Value.Items(List.of(personal(Value.Personal.Kind.TEXT, "{{recipient.programme}}",
                false, "programme")), AT));
        fields.put("paragraphs", new Value.Items(List.of(new Value.Text(RichText.plain("kept"), AT),
                personal(Value.Personal.Kind.TEXT, "{{recipient.note}}", false, "note")), AT));
        Section generic = Personalisation.personalise(content(section("s", null, fields)), Recipient.NONE).orThrow()
                .sections().getFirst();
        assertNull(generic.fields().get("kicker"));
        assertNull(generic.fields().get("highlights"), "a list whose every item is left out is left out");
        assertEquals(1, ((Value.Items) generic.fields().get("paragraphs")).items().size());

        Map<String, Value> required = Map.of("title", personal(Value.Personal.Kind.TEXT, "Dear {{recipient.first_name}}",
                true, "first_name"));
        Staged<BrochureContent> staged = Personalisation.personalise(content(section("s", null, required)), Recipient.NONE);
        Diagnostic error = assertThrows(BrochureException.class, staged::orThrow).diagnostics().getFirst();
        assertEquals(AT, error.where());
        assertTrue(error.message().contains("names the recipient field 'first_name', so the brochure without recipients "
                + "cannot show it"), error.message());
        assertTrue(error.hint().contains("when: recipient.first_name"), error.hint());
    }

    @Test
    void usesAndMissingFieldsAreFoundWithTheirPlaces() {
        Section.When when = new Section.When("note", new SourceLocation("sections/n.yaml", 2, 7));
        BrochureContent content = content(
                section("cover", null, Map.of("kicker", personal(Value.Personal.Kind.PLAIN,
                        "{{recipient.first_name}} {{recipient.last_name}} {{recipient.first_name}}", false,
                        "first_name", "last_name", "first_name"))),
                section("note", when, Map.of("intro", personal(Value.Personal.Kind.TEXT, "{{recipient.note}} "
                        + "{{recipient.advisor}}", false, "note", "advisor"))));
        assertEquals(List.of("first_name", "last_name", "note", "note", "advisor"),
                Personalisation.uses(content).stream().map(Personalisation.Use::field).toList());
        assertTrue(Personalisation.uses(content).get(2).condition());
        assertEquals(when.where(), Personalisation.uses(content).get(2).where());

        assertEquals(List.of("last_name"), fields(Personalisation.missing(content, reader("first_name", "Ada"))),
                "a field used only in a section the reader is not shown is not needed");
        assertEquals(List.of("last_name", "advisor"), fields(Personalisation.missing(content,
                reader("first_name", "Ada", "note", "Hi"))));
        assertEquals(AT, Personalisation.missing(content, reader()).getFirst().where());
    }

    private static List<String> fields(List<Personalisation.Use> uses) {
        return uses.stream().map(Personalisation.Use::field).toList();
    }

    @Test
    void theLoaderReadsPlaceholdersAndWhenAndReportsMalformedOnes() {
        TestProject project = TestProject.copy("minimal", temp.resolve("p"));
        project.replace("sections/story.yaml", "title: The Story So Far", "title: Hello {{recipient.first_name}}\n"
                + "when: recipient.note\noutline: Story");
        project.replace("sections/story.yaml", "kicker: Chapter one", "kicker: \"Chapter {{ recipient.chapter }} {{not a placeholder}}\"");
        BrochureContent content = ContentLoader.load(Workspace.create(project.content(), TestProject.REPO, java.util.Map.of(), TestProject.REPO)).orThrow();
        Section story = content.sections().get(1);
        assertEquals("note", story.when().field());
        assertEquals(new SourceLocation(story.where().file(), 4, 7), story.when().where());
        Value.Personal title = assertInstanceOf(Value.Personal.class, story.fields().get("title"));
        assertEquals(List.of("first_name"), title.fields());
        assertTrue(title.required(), "the article's title is required");
        assertEquals(Value.Personal.Kind.TEXT, title.kind());
        Value.Personal kicker = assertInstanceOf(Value.Personal.class, story.fields().get("kicker"));
        assertEquals(Value.Personal.Kind.PLAIN, kicker.kind());
        assertEquals(List.of("chapter"), kicker.fields(), "braces that do not begin with recipient are text");
        assertEquals("Story", story.title());

        project.replace("sections/story.yaml", "when: recipient.note", "when: note");
        project.replace("sections/story.yaml", "Hello {{recipient.first_name}}", "Hello {{recipient.first_name");
        project.replace("sections/story.yaml", "{{ recipient.chapter }}", "{{recipient.Chapter}}");
        List<Diagnostic> errors = assertThrows(BrochureException.class,
                () -> ContentLoader.load(Workspace.create(project.content(), TestProject.REPO, java.util.Map.of(), TestProject.REPO)).orThrow()).diagnostics();
        List<String> messages = errors.stream().map(Diagnostic::format).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains(":4:7: error: 'when' names a recipient field")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("malformed placeholder '{{recipient.first_name'")),
                messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("'Chapter' in a placeholder is not a field name")
                && m.contains("{{recipient.chapter}}")), messages.toString());
    }

    @Test
    void layoutsSeeTheReadersFieldsSetLikePlainFields() {
        Recipient shown = Personalisation.typographic(reader("last_name", "O'Brien -- \"Bob\"", "note", "a\nb"));
        assertEquals("O’Brien\u00A0– “Bob”", shown.get("last_name"));
        assertEquals("a b", shown.get("note"));
    }
}
