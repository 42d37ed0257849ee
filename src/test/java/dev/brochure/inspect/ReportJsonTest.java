package dev.brochure.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.brochure.inspect.report.InspectReport;
import dev.brochure.inspect.report.ReportJson;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.TestPdfs;
import dev.brochure.testing.TestPdfs.Flaw;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON report has exactly the shape the README documents, on our PDFs and on others. */
class ReportJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Where the README says a value may be null (key paths, arrays written as []). */
    private static final List<String> NULLABLE_SUFFIXES = List.of(".cropBox", ".trimBox", ".bleedBox", "images[].object",
            "glyphProblems[].unicode");

    @TempDir
    Path dir;

    @Test
    void theOptmlBrochuresReportHasTheDocumentedShape() throws IOException {
        JsonNode actual = json(Inspector.inspect(BuiltBrochure.OPTML.pdf()));
        assertShape(readmeExample(), actual, "");
        assertFalse(actual.get("fonts").isEmpty());
        assertFalse(actual.get("images").isEmpty());
        assertFalse(actual.get("outline").isEmpty());
    }

    @Test
    void aForeignPdfsReportHasTheDocumentedShapeAndItsValues() throws IOException {
        Path pdf = TestPdfs.write(dir.resolve("flawed.pdf"), EnumSet.allOf(Flaw.class));
        JsonNode actual = json(Inspector.inspect(pdf));
        assertShape(readmeExample(), actual, "");

        assertEquals(Files.size(pdf), actual.get("bytes").asLong());
        JsonNode page = actual.get("pages").get(0);
        assertEquals(MAPPER.readTree("{\"x\":9,\"y\":9,\"width\":612,\"height\":792}"), page.get("trimBox"));
        assertTrue(page.get("cropBox").isNull());
        JsonNode image = actual.get("images").get(0);
        assertEquals(300.0, image.get("ppi").asDouble());
        assertEquals(MAPPER.readTree("{\"x\":72,\"y\":500,\"width\":144,\"height\":96}"), image.get("placed"));
        assertTrue(actual.get("metadata").get("subject").isNull());
        assertEquals(TestPdfs.LANGUAGE, actual.get("metadata").get("language").asText());
        JsonNode outline = actual.get("outline").get(0);
        assertEquals("Second", outline.get("children").get(0).get("title").asText());
        assertEquals(2, outline.get("children").get(0).get("target").get("page").asInt());
        assertTrue(actual.get("glyphProblems").size() >= 2);
        List<String> problems = new ArrayList<>();
        actual.get("links").forEach(l -> problems.add(l.get("target").get("problem").asText(null)));
        assertTrue(problems.contains("no destination named 'nowhere' in the document"), problems.toString());
    }

    @Test
    void theSamePdfGivesTheSameBytesAndTheDocumentedSchema() throws IOException {
        InspectReport report = Inspector.inspect(BuiltBrochure.OPTML.pdf());
        String first = text(report);
        assertEquals(first, text(Inspector.inspect(BuiltBrochure.OPTML.pdf())));
        assertEquals(InspectReport.SCHEMA, MAPPER.readTree(first).get("schema").asText());
        assertEquals(InspectReport.SCHEMA, readmeExample().get("schema").asText(), "README documents another schema");
        assertTrue(first.endsWith("}\n"));
    }

    /**
     * Same keys in the same order as the README's example, and for each key a kind of value
     * the example shows for it somewhere (so a field shown as null in one place and as a string
     * in another may be either), or null where the README says so. Nested bookmarks have the
     * shape of bookmarks, and link and bookmark targets share one shape.
     */
    private static void assertShape(JsonNode example, JsonNode actual, String path) {
        Map<String, List<String>> keys = new HashMap<>();
        Map<String, Set<JsonNodeType>> kinds = new HashMap<>();
        learn(example, "", keys, kinds);
        check(actual, "", keys, kinds);
    }

    private static String normal(String path) {
        return path.replaceAll("(\\.children\\[\\])+", "").replaceFirst("^(links|outline)\\[\\]\\.target", "target");
    }

    private static void learn(JsonNode node, String path, Map<String, List<String>> keys, Map<String, Set<JsonNodeType>> kinds) {
        kinds.computeIfAbsent(normal(path), p -> EnumSet.noneOf(JsonNodeType.class)).add(node.getNodeType());
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            List<String> known = keys.putIfAbsent(normal(path), names);
            assertTrue(known == null || known.equals(names), "the README's example itself differs at " + path);
            names.forEach(name -> learn(node.get(name), path.isEmpty() ? name : path + "." + name, keys, kinds));
        } else if (node.isArray()) {
            node.forEach(item -> learn(item, path + "[]", keys, kinds));
        }
    }

    private static void check(JsonNode node, String path, Map<String, List<String>> keys, Map<String, Set<JsonNodeType>> kinds) {
        String where = path.isEmpty() ? "the document" : path;
        Set<JsonNodeType> documented = kinds.get(normal(path));
        if (documented == null) {
            fail(where + " is not in the README's example");
        }
        if (node.isNull() && !documented.contains(JsonNodeType.NULL)) {
            assertTrue(nullable(path), where + " is null, but the README does not say it may be");
            return;
        }
        assertTrue(documented.contains(node.getNodeType()), where + " is " + node.getNodeType() + ", documented as " + documented);
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            assertEquals(keys.get(normal(path)), names, "keys of " + where);
            names.forEach(name -> check(node.get(name), path.isEmpty() ? name : path + "." + name, keys, kinds));
        } else if (node.isArray()) {
            node.forEach(item -> check(item, path + "[]", keys, kinds));
        }
    }

    private static boolean nullable(String path) {
        return path.startsWith("metadata.") || NULLABLE_SUFFIXES.stream().anyMatch(path::endsWith);
    }

    private static JsonNode readmeExample() {
        try {
            String readme = Files.readString(Path.of("README.md"));
            Matcher m = Pattern.compile("<!-- inspect-json-example[^>]*-->\\s*```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
            assertTrue(m.find(), "README.md has no inspect-json-example block");
            return MAPPER.readTree(m.group(1));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(InspectReport report) throws IOException {
        return MAPPER.readTree(text(report));
    }

    private static String text(InspectReport report) {
        StringWriter out = new StringWriter();
        ReportJson.write(report, out);
        return out.toString();
    }
}
