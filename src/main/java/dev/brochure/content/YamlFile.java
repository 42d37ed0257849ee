package dev.brochure.content;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.diag.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One YAML file composed into SnakeYAML's node tree. Only composing is done, never construction,
 * so no Java type can be instantiated from content; every node keeps its line and column.
 */
public record YamlFile(String displayName, Node root) {

    /** Upper bounds that keep hostile or accidental inputs from exhausting memory or time. */
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 40;
    static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

    public static YamlFile read(Path file) {
        String name = SourceLocation.display(file);
        String text;
        try {
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
            return new YamlFile(displayName, root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceLocation where = mark == null ? SourceLocation.of(displayName)
                    : new SourceLocation(displayName, mark.getLine() + 1, mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new BrochureException(Diagnostic.error(where, "YAML syntax error: " + problem + context,
                    "check indentation and quoting near this line; values containing ': ' or '#' need quotes"));
        } catch (YAMLException e) {
            throw new BrochureException(Diagnostic.error(SourceLocation.of(displayName),
                    "YAML rejected: " + e.getMessage(), "keep content files to plain mappings, lists and text"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
