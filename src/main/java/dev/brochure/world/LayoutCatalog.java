package dev.brochure.world;

import dev.brochure.diag.BrochureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds layout descriptor files: the content project's {@code layouts/} folder first (so a
 * project can override a built-in layout or add its own), then the layouts built into the tool.
 * Each layout is a template {@code <name>.ftlx} and a schema {@code <name>.schema.yaml}.
 */
public final class LayoutCatalog {

    public static final String FOLDER = "layouts";
    public static final String TEMPLATE = ".ftlx";
    public static final String SCHEMA = ".schema.yaml";

    /** A layout file's text and the name diagnostics show for it. */
    public record LayoutFile(String displayName, String text) {
    }

    private final ProjectFiles project;

    public LayoutCatalog(ProjectFiles project) {
        this.project = project;
    }

    public Optional<LayoutFile> find(String fileName) {
        if (!fileName.matches("[A-Za-z0-9_.-]+") || fileName.contains("..")) {
            return Optional.empty();
        }
        Path own = project.layoutsDir().resolve(fileName);
        ProjectFiles.checkRegular(own);
        if (Files.isRegularFile(own)) {
            project.checkInside(own, project.layoutsDir());
            try {
                return Optional.of(new LayoutFile(project.display(own), Files.readString(own)));
            } catch (CharacterCodingException e) {
                throw BrochureException.of(project.where(own), "file is not valid UTF-8 text",
                        "save the file with UTF-8 encoding");
            } catch (IOException e) {
                throw BrochureException.of(project.where(own), "cannot read file: " + e.getMessage(), null);
            }
        }
        return Builtins.read(FOLDER, fileName).map(text -> new LayoutFile(Builtins.displayName(FOLDER, fileName), text));
    }

    /** The names of all layouts (those with a template), the project's and the built-in ones. */
    public Set<String> available() {
        Set<String> names = new TreeSet<>();
        Builtins.list(FOLDER).stream().filter(n -> n.endsWith(TEMPLATE)).forEach(n -> names.add(strip(n)));
        if (Files.isDirectory(project.layoutsDir())) {
            try (Stream<Path> files = Files.list(project.layoutsDir())) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(TEMPLATE))
                        .forEach(n -> names.add(strip(n)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        names.remove("masters");
        return names;
    }

    private static String strip(String fileName) {
        return fileName.substring(0, fileName.length() - TEMPLATE.length());
    }
}
