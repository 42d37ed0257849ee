package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brochure.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The example CI workflow works: each of its {@code run:} steps, which call only {@code ./brochure},
 * is run with bash in a copy of the repository's content, images and fonts, where
 * {@code ./brochure} runs the tool under test; every step succeeds, and the files the workflow
 * uploads (the SARIF logs, the PDF and the build summary) are there and well formed.
 */
class CiWorkflowTest {

    static final Path WORKFLOW = TestProject.REPO.resolve("examples/ci/github-workflow.yml");

    @TempDir
    Path repo;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps() throws Exception {
        Map<String, Object> workflow = new Yaml().load(Files.readString(WORKFLOW));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        assertEquals(1, jobs.size());
        Map<String, Object> job = (Map<String, Object>) jobs.values().iterator().next();
        return (List<Map<String, Object>>) job.get("steps");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRunStepSucceedsAndTheUploadedFilesAreThere() throws Exception {
        for (String folder : List.of("brochure-content", "images", "fonts")) {
            TestProject.copyTree(TestProject.REPO.resolve(folder), repo.resolve(folder));
        }
        Path launcher = repo.resolve("brochure");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -Djava.awt.headless=true -cp '" + System.getProperty("java.class.path") + "' "
                + Main.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<String> ran = new ArrayList<>();
        List<String> uploaded = new ArrayList<>();
        for (Map<String, Object> step : steps()) {
            if (step.get("run") instanceof String script) {
                for (String line : script.strip().lines().toList()) {
                    assertTrue(line.startsWith("./brochure "), "a run step that is not a brochure command: " + line);
                }
                ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", script).directory(repo.toFile())
                        .redirectErrorStream(true).redirectOutput(repo.resolve("step.log").toFile());
                pb.environment().put("BROCHURE_CACHE", repo.resolve("cache").toString());
                Process p = pb.start();
                assertTrue(p.waitFor(5, TimeUnit.MINUTES), "step finishes: " + script);
                assertEquals(0, p.exitValue(), script + "\n" + Files.readString(repo.resolve("step.log")));
                ran.add(script.strip());
            }
            Object with = step.get("with");
            if (with instanceof Map<?, ?> w) {
                if (w.get("sarif_file") instanceof String sarif) {
                    uploaded.add(sarif);
                }
                if (w.get("path") instanceof String paths) {
                    paths.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(uploaded::add);
                }
            }
        }
        assertEquals(3, ran.size(), "validate, build, verify: " + ran);

        ObjectMapper mapper = new ObjectMapper();
        assertTrue(uploaded.containsAll(List.of("validate.sarif", "verify.sarif", "out/brochure.pdf", "out-build.json")),
                uploaded.toString());
        for (String file : uploaded) {
            Path f = repo.resolve(file);
            assertTrue(Files.isRegularFile(f) && Files.size(f) > 0, file + " was written");
            if (file.endsWith(".sarif")) {
                JsonNode log = mapper.readTree(f.toFile());
                assertEquals("2.1.0", log.get("version").asText());
                assertTrue(log.get("runs").get(0).get("results").isEmpty(), file + ": " + log);
            }
        }
        assertTrue(Files.readString(repo.resolve("out/brochure.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("%PDF-"));
        JsonNode build = mapper.readTree(repo.resolve("out-build.json").toFile());
        assertTrue(build.get("ok").asBoolean());
        assertEquals(Files.size(repo.resolve("out/brochure.pdf")), build.get("bytes").asLong());
        assertFalse(Files.exists(repo.resolve(".cifuzz-corpus")));
    }
}
