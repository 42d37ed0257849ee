package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.brochure.testing.TestPdfs;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format json} of build, validate and verify has the shape the README shows (same keys
 * in the same order, same kinds of value), and {@code --format sarif} is a SARIF 2.1.0 log whose
 * results point at the YAML line and column of each problem.
 */
class MachineFormatsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Values the README says may be null (key paths as in {@link #check}). */
    private static final Set<String> NULLABLE = Set.of("pages", "bytes", "images", "images.jpegQuality", "stages", "sections",
            "diagnostics[].line", "diagnostics[].column", "diagnostics[].hint", "failures[].file", "failures[].line",
            "failures[].column");

    @TempDir
    Path temp;

    private TestProject project() {
        TestProject project = TestProject.copy("minimal", temp);
        TestProject.copyTree(TestProject.REPO.resolve("fonts"), temp.resolve("fonts"));
        return project;
    }

    /** The minimal project with a misspelt key in its second section (line 3, column 1). */
    private TestProject badProject() {
        return project().replace("sections/story.yaml", "title: The Story So Far", "titel: The Story So Far");
    }

    @Test
    void validateJsonHasTheDocumentedShapeForGoodAndBadContent() throws IOException {
        CliRun good = CliRun.of("validate", "--content", project().content().toString(), "--format", "json");
        assertEquals(ExitCode.OK, good.code(), good.toString());
        assertEquals("", good.err());
        JsonNode ok = MAPPER.readTree(good.out());
        check(readme("validate"), ok, "");
        assertEquals(Results.VALIDATE, ok.get("schema").asText());
        assertTrue(ok.get("ok").asBoolean());
        assertEquals(2, ok.get("sections").asInt());
        assertEquals(2, ok.get("pages").asInt());

        CliRun bad = CliRun.of("validate", "--content", badProject().content().toString(), "--format", "json");
        assertEquals(ExitCode.USER_ERROR, bad.code(), bad.toString());
        assertEquals("", bad.err(), "the problems are in the document, not on standard error");
        JsonNode failed = MAPPER.readTree(bad.out());
        check(readme("validate"), failed, "");
        assertFalse(failed.get("ok").asBoolean());
        assertTrue(failed.get("sections").isNull());
        assertTrue(failed.get("errors").asInt() >= 1);
        JsonNode unknown = find(failed.get("diagnostics"), "message", "unknown key 'titel'");
        assertTrue(unknown.get("file").asText().endsWith("sections/story.yaml"), unknown.toString());
        assertEquals(3, unknown.get("line").asInt());
        assertEquals(1, unknown.get("column").asInt());
        assertEquals("error", unknown.get("severity").asText());
        assertTrue(unknown.get("hint").asText().contains("title"), unknown.toString());
    }

    @Test
    void buildJsonHasTheDocumentedShapeAndWritesThePdf() throws IOException {
        TestProject project = project();
        Path pdf = temp.resolve("out/b.pdf");
        CliRun run = CliRun.of("build", "--content", project.content().toString(), "-o", pdf.toString(),
                "--profile", "email", "--format", "json");
        assertEquals(ExitCode.OK, run.code(), run.toString());
        JsonNode json = MAPPER.readTree(run.out());
        check(readme("build"), json, "");
        assertEquals(Results.BUILD, json.get("schema").asText());
        assertEquals(Files.size(pdf), json.get("bytes").asLong());
        assertEquals(2, json.get("pages").asInt());
        assertEquals("email", json.get("profile").asText());
        assertEquals(150, json.get("images").get("maxPpi").asInt());
        assertEquals(0.8, json.get("images").get("jpegQuality").asDouble(), 1e-9);

        Path none = temp.resolve("out/none.pdf");
        CliRun bad = CliRun.of("build", "--content", badProject().content().toString(), "-o", none.toString(),
                "--format", "json");
        assertEquals(ExitCode.USER_ERROR, bad.code(), bad.toString());
        JsonNode failed = MAPPER.readTree(bad.out());
        check(readme("build"), failed, "");
        assertFalse(failed.get("ok").asBoolean());
        assertTrue(failed.get("bytes").isNull());
        assertFalse(Files.exists(none));

        CliRun sarif = CliRun.of("build", "--content", project.content().toString(), "--format", "sarif");
        assertEquals(ExitCode.USAGE, sarif.code(), sarif.toString());
    }

    @Test
    void verifyJsonHasTheDocumentedShapeAndLocatesMissingText() throws IOException {
        TestProject project = project();
        Path pdf = TestPdfs.wellMade(temp.resolve("ok.pdf"));
        CliRun run = CliRun.of("verify", pdf.toString(), "--content", project.content().toString(), "--format", "json");
        assertEquals(ExitCode.USER_ERROR, run.code(), run.toString());
        JsonNode json = MAPPER.readTree(run.out());
        check(readme("verify"), json, "");
        assertEquals(Results.VERIFY, json.get("schema").asText());
        assertEquals("content-text", json.get("failed").get(0).asText());
        JsonNode missing = find(json.get("failures"), "message", "The Story So Far");
        assertTrue(missing.get("file").asText().endsWith("sections/story.yaml"), missing.toString());
        assertEquals(3, missing.get("line").asInt());
        assertEquals(8, missing.get("column").asInt());

        CliRun passed = CliRun.of("verify", pdf.toString(), "--format", "json");
        assertEquals(ExitCode.OK, passed.code(), passed.toString());
        JsonNode ok = MAPPER.readTree(passed.out());
        check(readme("verify"), ok, "");
        assertTrue(ok.get("ok").asBoolean());
        assertTrue(ok.get("failures").isEmpty());

        CliRun unreadable = CliRun.of("verify", temp.resolve("none.pdf").toString(), "--format", "json");
        assertEquals(ExitCode.USER_ERROR, unreadable.code(), unreadable.toString());
        JsonNode gone = MAPPER.readTree(unreadable.out());
        check(readme("verify"), gone, "");
        check(readme("validate").get("diagnostics").get(0), gone.get("diagnostics").get(0), "diagnostics[]");
        assertTrue(gone.get("diagnostics").get(0).get("message").asText().contains("file not found"), gone.toString());
    }

    @Test
    void validateSarifPointsAtTheYamlLineAndColumn() throws IOException {
        TestProject project = badProject();
        CliRun run = CliRun.of("validate", "--content", project.content().toString(), "--format", "sarif");
        assertEquals(ExitCode.USER_ERROR, run.code(), run.toString());
        JsonNode log = MAPPER.readTree(run.out());
        assertSarif(log);
        JsonNode result = find(log.get("runs").get(0).get("results"), "message.text", "unknown key 'titel'");
        assertEquals(Sarif.CONTENT, result.get("ruleId").asText());
        assertEquals("error", result.get("level").asText());
        JsonNode physical = result.get("locations").get(0).get("physicalLocation");
        assertEquals(project.file("sections/story.yaml").toUri(), fromRoot(project, physical.get("artifactLocation")));
        assertEquals(3, physical.get("region").get("startLine").asInt());
        assertEquals(1, physical.get("region").get("startColumn").asInt());

        CliRun good = CliRun.of("validate", "--content", project().content().toString(), "--format", "sarif");
        assertEquals(ExitCode.OK, good.code(), good.toString());
        assertSarif(MAPPER.readTree(good.out()));
        assertTrue(MAPPER.readTree(good.out()).get("runs").get(0).get("results").isEmpty());
    }

    @Test
    void verifySarifPointsMissingTextAtItsYamlLineAndOtherProblemsAtThePdf() throws IOException {
        TestProject project = project();
        Path pdf = TestPdfs.wellMade(temp.resolve("ok.pdf"));
        CliRun run = CliRun.of("verify", pdf.toString(), "--content", project.content().toString(), "--max-size", "1k",
                "--format", "sarif");
        assertEquals(ExitCode.USER_ERROR, run.code(), run.toString());
        JsonNode log = MAPPER.readTree(run.out());
        assertSarif(log);
        JsonNode results = log.get("runs").get(0).get("results");
        JsonNode text = find(results, "message.text", "The Story So Far");
        assertEquals("content-text", text.get("ruleId").asText());
        JsonNode at = text.get("locations").get(0).get("physicalLocation");
        assertEquals(project.file("sections/story.yaml").toUri(), fromRoot(project, at.get("artifactLocation")));
        assertEquals(3, at.get("region").get("startLine").asInt());
        JsonNode size = find(results, "ruleId", "file-size");
        assertEquals(pdf.toUri().toString(),
                size.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
    }

    @Test
    void relativePathsStayRelativeUris() {
        assertEquals("brochure-content/sections/a%20b.yaml", Sarif.uri("brochure-content/sections/a b.yaml"));
        assertEquals("builtin:layouts/cover.ftlx", Sarif.uri("builtin:layouts/cover.ftlx"));
        assertEquals("file:///tmp/x.yaml", Sarif.uri("/tmp/x.yaml"));
    }

    /** The structure code scanning needs: version, one run with a named driver, located results with known rules. */
    private static void assertSarif(JsonNode log) {
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals(Sarif.SCHEMA, log.get("$schema").asText());
        JsonNode runs = log.get("runs");
        assertEquals(1, runs.size());
        JsonNode driver = runs.get(0).get("tool").get("driver");
        assertEquals("brochure", driver.get("name").asText());
        assertFalse(driver.get("version").asText().isBlank());
        List<String> ids = new ArrayList<>();
        driver.get("rules").forEach(r -> {
            ids.add(r.get("id").asText());
            assertFalse(r.get("shortDescription").get("text").asText().isBlank());
        });
        for (JsonNode result : runs.get(0).get("results")) {
            String rule = result.get("ruleId").asText();
            assertTrue(ids.contains(rule), "unknown rule " + rule);
            assertEquals(rule, ids.get(result.get("ruleIndex").asInt()));
            assertTrue(Set.of("error", "warning", "note").contains(result.get("level").asText()));
            assertFalse(result.get("message").get("text").asText().isBlank());
            JsonNode locations = result.get("locations");
            assertTrue(locations.isArray() && !locations.isEmpty(), result.toString());
            JsonNode physical = locations.get(0).get("physicalLocation");
            assertFalse(physical.get("artifactLocation").get("uri").asText().isBlank());
            if (physical.has("region")) {
                assertTrue(physical.get("region").get("startLine").asInt() >= 1);
                if (physical.get("region").has("startColumn")) {
                    assertTrue(physical.get("region").get("startColumn").asInt() >= 1);
                }
            }
        }
    }

    /** The element of {@code array} whose field at {@code path} (dotted) contains {@code text}. */
    private static JsonNode find(JsonNode array, String path, String text) {
        for (JsonNode item : array) {
            JsonNode value = item;
            for (String key : path.split("\\.")) {
                value = value == null ? null : value.get(key);
            }
            if (value != null && value.asText().contains(text)) {
                return item;
            }
        }
        fail("no element with " + path + " containing '" + text + "' in " + array);
        return null;
    }

    /**
     * Same keys in the same order as the README's example, each value of the example's kind
     * (numbers of either kind), or null where the README says it may be. An array's elements each
     * have the shape of the example's first element.
     */
    static void check(JsonNode example, JsonNode actual, String path) {
        String where = path.isEmpty() ? "the document" : path;
        if (actual.isNull() && !example.isNull()) {
            assertTrue(NULLABLE.contains(path), where + " is null, but the README does not say it may be");
            return;
        }
        assertEquals(example.getNodeType(), actual.getNodeType(), where + ": " + actual);
        if (example.isObject()) {
            List<String> documented = new ArrayList<>();
            example.fieldNames().forEachRemaining(documented::add);
            List<String> names = new ArrayList<>();
            actual.fieldNames().forEachRemaining(names::add);
            assertEquals(documented, names, "keys of " + where);
            for (String name : names) {
                check(example.get(name), actual.get(name), path.isEmpty() ? name : path + "." + name);
            }
        } else if (example.isArray()) {
            if (example.isEmpty()) {
                assertTrue(actual.isEmpty() || path.equals("diagnostics"), where + " is documented as always empty");
                return;
            }
            for (JsonNode item : actual) {
                check(example.get(0), item, path + "[]");
            }
        } else {
            assertTrue(example.getNodeType() != JsonNodeType.NULL || actual.isNull(), where);
        }
    }

    /** The README's example of {@code <command> --format json}. */
    static JsonNode readme(String command) {
        try {
            String readme = Files.readString(TestProject.REPO.resolve("README.md"));
            Matcher m = Pattern.compile("<!-- " + command + "-json-example[^>]*-->\\s*```json\\n(.*?)```", Pattern.DOTALL)
                    .matcher(readme);
            assertTrue(m.find(), "README.md has no " + command + "-json-example block");
            JsonNode example = MAPPER.readTree(m.group(1));
            assertNotNull(example.get("schema"));
            return example;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An artifact's URI resolved as code scanning resolves it: a relative one against the project's root. */
    private static java.net.URI fromRoot(TestProject project, JsonNode artifact) {
        return project.content().getParent().toUri().resolve(artifact.get("uri").asText());
    }
}
