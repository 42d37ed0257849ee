package dev.brochure.pipeline;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.world.Builtins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A new content project from an example that ships inside the tool ({@code init/<example>/} on
 * the class path): the content folder, the images it uses with their credits, the JSON Schemas
 * of its YAML files (each YAML file names its schema on its first line, for editors), a README
 * for the author and a {@code .gitignore}. Everything is written into a hidden folder beside the
 * target and moved into place at the end, so a failure leaves nothing behind.
 */
final class NewProject {

    /** The examples a project can start from. */
    enum Example {
        /** The OPTML group's recruitment brochure: the customer's text and the placeholder images. */
        OPTML,
        /** A short generic brochure of three sections and no images. */
        MINIMAL;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String CONTENT = "brochure-content";
    static final String SCHEMAS = "schemas";
    /** The first line that points an editor (YAML language server) at a file's schema. */
    static final String SCHEMA_COMMENT = "# yaml-language-server: $schema=";

    private NewProject() {
    }

    /** Writes the project into {@code target} (absent or empty); returns the files written there. */
    static List<Path> write(Pipeline pipeline, Path target, Example example) {
        Path dir = target.toAbsolutePath().normalize();
        refuseNonEmpty(target, dir);
        Path parent = dir.getParent();
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".init-");
            Path root = staging;
            List<String> files = new ArrayList<>(Builtins.tree("init/" + example.word()));
            if (files.isEmpty()) {
                throw new IllegalStateException("the tool ships no example " + example.word());
            }
            for (String file : files) {
                byte[] bytes = Builtins.readBytes("init/" + example.word() + "/" + file);
                copy(root, file, withSchemaComment(file, bytes));
            }
            String readme = new String(Builtins.readBytes("init/README.md"), StandardCharsets.UTF_8)
                    .replace("{example}", example.word()).replace("{folder}", dir.getFileName().toString());
            copy(staging, "README.md", readme.getBytes(StandardCharsets.UTF_8));
            copy(staging, ".gitignore", Builtins.readBytes("init/gitignore"));
            Path content = staging.resolve(CONTENT);
            pipeline.writeSchemas(BuildRequest.of(content, staging.resolve("out/unused.pdf")), content.resolve(SCHEMAS));
            List<Path> written;
            try (Stream<Path> all = Files.walk(staging)) {
                written = all.filter(Files::isRegularFile).map(p -> dir.resolve(root.relativize(p))).sorted().toList();
            }
            if (Files.isDirectory(dir)) {
                // An empty folder stays (it may be a shell's working folder): its new entries move in.
                moveEntries(staging, dir);
            } else {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
                staging = null;
            }
            return written;
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(target), "cannot write the new project: " + e.getMessage(),
                    "check that the folder's parent is writable");
        } finally {
            if (staging != null) {
                delete(staging);
            }
        }
    }

    private static void refuseNonEmpty(Path target, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw BrochureException.of(SourceLocation.of(target), "is a file, not a folder",
                    "name a new folder: brochure init my-brochure");
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<String> present = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(p -> present.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(target), "cannot read the folder: " + e.getMessage(), null);
        }
        if (!present.isEmpty()) {
            present.sort(Comparator.naturalOrder());
            String shown = String.join(", ", present.subList(0, Math.min(5, present.size())))
                    + (present.size() > 5 ? ", ..." : "");
            throw BrochureException.of(SourceLocation.of(target), "the folder is not empty (" + present.size()
                            + (present.size() == 1 ? " entry: " : " entries: ") + shown + "); nothing was written",
                    "init writes a new project into a new or empty folder: brochure init my-brochure");
        }
    }

    /**
     * A YAML file of the content folder with the schema comment as its first line: brochure.yaml
     * names brochure.schema.json, a section file section.schema.json (any layout), a theme
     * theme.schema.json, each relative to the file.
     */
    static byte[] withSchemaComment(String file, byte[] bytes) {
        String schema = schemaOf(file);
        if (schema == null) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith(SCHEMA_COMMENT)) {
            return bytes;
        }
        return (SCHEMA_COMMENT + schema + "\n" + text).getBytes(StandardCharsets.UTF_8);
    }

    private static String schemaOf(String file) {
        if (!file.endsWith(".yaml") || !file.startsWith(CONTENT + "/")) {
            return null;
        }
        String inContent = file.substring(CONTENT.length() + 1);
        if (inContent.equals("brochure.yaml")) {
            return SCHEMAS + "/brochure.schema.json";
        }
        if (inContent.startsWith("sections/") && inContent.indexOf('/', 9) < 0) {
            return "../" + SCHEMAS + "/section.schema.json";
        }
        if (inContent.startsWith("themes/") && inContent.indexOf('/', 7) < 0) {
            return "../" + SCHEMAS + "/theme.schema.json";
        }
        return null;
    }

    private static void copy(Path root, String file, byte[] bytes) throws IOException {
        Path to = root.resolve(file).normalize();
        if (!to.startsWith(root)) {
            throw new IllegalStateException("an example file outside its folder: " + file);
        }
        Files.createDirectories(to.getParent());
        Files.write(to, bytes);
    }

    /** Moves the entries of {@code from} into the empty folder {@code to}; on failure takes back those moved. */
    private static void moveEntries(Path from, Path to) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(from)) {
            entries = list.sorted().toList();
        }
        List<Path> moved = new ArrayList<>();
        try {
            for (Path entry : entries) {
                Path target = to.resolve(entry.getFileName().toString());
                Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
                moved.add(target);
            }
        } catch (IOException e) {
            moved.forEach(NewProject::delete);
            throw e;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a hidden staging folder may remain beside the target
        }
    }
}
