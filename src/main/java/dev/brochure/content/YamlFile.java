package dev.brochure.content;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.world.ProjectFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * One YAML file composed into SnakeYAML's node tree. Only composing is done, never construction,
 * so no Java type can be instantiated from content; every node keeps its line and column.
 */
public record YamlFile(String displayName, Node root) {

    /** Upper bounds that keep hostile or accidental inputs from exhausting memory or time. */
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 40;
    static final int MAX_CODE_POINTS = 1024 * 1024;
    private static final String GLOBAL_TAG_REFUSED = "Global tag is not allowed: ";
    /** Checked before reading, so that a huge file is refused without being loaded into memory. */
    static final long MAX_BYTES = 4L * MAX_CODE_POINTS;

    /** Reads {@code file}, which diagnostics call {@code name}. */
    public static YamlFile read(Path file, String name) {
        String text;
        ProjectFiles.checkRegular(file);
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw BrochureException.of(SourceLocation.of(name), "file is " + size / (1024 * 1024)
                        + " MB, more than the " + MAX_BYTES / (1024 * 1024) + " MB a content file may have",
                        "split the content into several section files");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw BrochureException.of(SourceLocation.of(name), "file not found",
                    "check the path; it is resolved against the content folder");
        } catch (CharacterCodingException e) {
            throw BrochureException.of(SourceLocation.of(name), "file is not valid UTF-8 text",
                    "save the file with UTF-8 encoding");
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(name), "cannot read file: " + e.getMessage(), null);
        }
        return parse(name, text);
    }

    public static YamlFile parse(String displayName, String text) {
        Yaml yaml = new Yaml(loaderOptions());
        try (Reader reader = new StringReader(text)) {
            Node root = yaml.compose(reader);
            YamlChecks.check(displayName, root);
            return new YamlFile(displayName, root);
        } catch (ReaderException e) {
            throw new BrochureException(Diagnostic.error(position(displayName, text, e.getPosition()),
                    String.format(Locale.ROOT, "character U+%04X is not allowed in YAML", e.getCodePoint()),
                    "remove the control character; it is invisible in most editors"));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceLocation where = mark == null ? SourceLocation.of(displayName)
                    : new SourceLocation(displayName, mark.getLine() + 1, mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (problem.startsWith(GLOBAL_TAG_REFUSED)) {
                // SnakeYAML's tag inspector refuses !!java... tags before YamlChecks sees them; say it the same way.
                throw new BrochureException(YamlChecks.tagRefused(where, problem.substring(GLOBAL_TAG_REFUSED.length())));
            }
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new BrochureException(Diagnostic.error(where, "YAML syntax error: " + problem + context,
                    "check indentation and quoting near this line; values containing ': ' or '#' need quotes"));
        } catch (YAMLException e) {
            // SnakeYAML's own limits (document size, number of aliases) end here.
            throw new BrochureException(Diagnostic.error(SourceLocation.of(displayName),
                    "YAML rejected: " + e.getMessage(), "keep content files to plain mappings, lists and text"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line and column of the {@code offset}-th code point of {@code text}. */
    private static SourceLocation position(String displayName, String text, int offset) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int i = 0; i < offset && index < text.length(); i++) {
            int cp = text.codePointAt(index);
            index += Character.charCount(cp);
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourceLocation(displayName, line, column);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return options;
    }

    public boolean isEmpty() {
        return root == null;
    }

    public SourceLocation at(Node node) {
        return locate(displayName, node);
    }

    public SourceLocation whole() {
        return SourceLocation.of(displayName);
    }

    public static SourceLocation locate(String displayName, Node node) {
        if (node == null || node.getStartMark() == null) {
            return SourceLocation.of(displayName);
        }
        Mark mark = node.getStartMark();
        return new SourceLocation(displayName, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
