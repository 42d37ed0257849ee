package dev.brochure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.schema.Field;
import dev.brochure.content.schema.FieldType;
import dev.brochure.content.schema.SchemaReader;
import dev.brochure.content.schema.SectionSchema;
import dev.brochure.diag.Diagnostics;
import dev.brochure.world.Builtins;
import dev.brochure.world.LayoutCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's table of built-in layouts is generated from their schemas: one row per layout,
 * with the schema's description and every field (required ones in bold, the fields of a list's
 * records in parentheses). The test fails when the README and the schemas disagree; run it with
 * {@code -Dreadme.update=true} to rewrite the table from the schemas.
 */
class ReadmeLayoutTableTest {

    static final Path README = Path.of("README.md");
    static final String BEGIN = "<!-- layouts-table: generated from the layouts' schemas by ReadmeLayoutTableTest"
            + " (mvn test -Dtest=ReadmeLayoutTableTest -Dreadme.update=true) -->";
    static final String END = "<!-- /layouts-table -->";

    @Test
    void theReadmeListsEveryBuiltInLayoutWithTheFieldsOfItsSchema() throws IOException {
        String readme = Files.readString(README);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "the README marks its layout table with " + BEGIN + " ... " + END);
        String expected = table();
        String actual = readme.substring(begin + BEGIN.length(), end);
        if (Boolean.getBoolean("readme.update") && !expected.equals(actual)) {
            Files.writeString(README, readme.substring(0, begin + BEGIN.length()) + expected + readme.substring(end));
            return;
        }
        assertEquals(expected, actual, "the README's layout table differs from the schemas; rewrite it with"
                + " mvn test -Dtest=ReadmeLayoutTableTest -Dreadme.update=true");
    }

    @Test
    void everyBuiltInLayoutHasATemplateAndASchemaWithADescription() {
        List<String> templates = names(LayoutCatalog.TEMPLATE);
        assertEquals(templates, names(LayoutCatalog.SCHEMA));
        assertTrue(templates.containsAll(List.of("longread", "table", "timeline", "faq", "pricing", "contact")), templates.toString());
        for (String layout : templates) {
            assertTrue(!schema(layout).description().isBlank(), layout + " describes itself");
        }
    }

    /**
     * A setting (how a picture is cropped or fitted, its frame, how many columns) is a choice,
     * never printed text: a `plain` value is a text unit that `verify --content` looks for in the
     * PDF, and a word such as "right" is not printed.
     */
    @Test
    void everySettingOfABuiltInLayoutIsAChoiceNotText() {
        List<String> text = new ArrayList<>();
        for (String layout : names(LayoutCatalog.TEMPLATE)) {
            settings(layout, schema(layout).root(), text);
        }
        assertEquals(List.of(), text);
    }

    private static void settings(String where, Field record, List<String> text) {
        for (Field field : record.fields().values()) {
            String name = field.name();
            boolean setting = name.matches("(.*-)?(focus|fit|aspect|columns|side|width|align)");
            if (setting && (field.type() == FieldType.TEXT || field.type() == FieldType.PLAIN)) {
                text.add(where + "." + name);
            }
            Field inner = field.type() == FieldType.LIST ? field.of() : field;
            if (inner != null && inner.type() == FieldType.RECORD) {
                settings(where + "." + name, inner, text);
            }
        }
    }

    /** The table as the README holds it, between the markers. */
    static String table() {
        StringBuilder out = new StringBuilder("\n\n| layout | what it sets | fields (**required**) |\n|---|---|---|\n");
        for (String layout : names(LayoutCatalog.TEMPLATE)) {
            SectionSchema schema = schema(layout);
            out.append("| `").append(layout).append("` | ").append(cell(schema.description())).append(" | ")
                    .append(fields(schema.root())).append(" |\n");
        }
        return out.append('\n').toString();
    }

    private static String fields(Field record) {
        List<String> out = new ArrayList<>();
        for (Field field : record.fields().values()) {
            String name = "`" + field.name() + "`";
            String written = field.required() ? "**" + name + "**" : name;
            Field inner = field.type() == FieldType.LIST ? field.of() : field;
            if (inner != null && inner.type() == FieldType.RECORD) {
                written += " (" + fields(inner) + ")";
            }
            out.add(written);
        }
        return String.join(", ", out);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").strip();
    }

    private static List<String> names(String suffix) {
        return Builtins.list(LayoutCatalog.FOLDER).stream().filter(n -> n.endsWith(suffix))
                .map(n -> n.substring(0, n.length() - suffix.length())).sorted().toList();
    }

    private static SectionSchema schema(String layout) {
        String file = layout + LayoutCatalog.SCHEMA;
        String text = Builtins.read(LayoutCatalog.FOLDER, file).orElseThrow();
        Diagnostics diagnostics = new Diagnostics();
        SectionSchema schema = SchemaReader.read(layout, YamlFile.parse(file, text), diagnostics).orElseThrow();
        return diagnostics.result(schema).orThrow();
    }
}
