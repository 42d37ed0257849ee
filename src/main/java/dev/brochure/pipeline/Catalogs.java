package dev.brochure.pipeline;

import dev.brochure.content.ProjectCatalog;
import dev.brochure.content.schema.Field;
import dev.brochure.content.theme.ThemeLoader;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Suggestions;
import dev.brochure.vocab.FontFamily;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Theme;
import dev.brochure.world.Builtins;
import dev.brochure.world.LayoutCatalog;
import dev.brochure.world.ProjectFiles;
import dev.brochure.world.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What {@link Pipeline#catalog}, {@link Pipeline#writeSchemas} and {@link Pipeline#copyLayout} do. */
final class Catalogs {

    private Catalogs() {
    }

    static List<Catalog.Layout> layouts(Workspace workspace) {
        return ProjectCatalog.layouts(workspace.project()).stream().map(l -> new Catalog.Layout(l.name(),
                l.own() ? Catalog.Origin.PROJECT : Catalog.Origin.BUILTIN, l.schema().description(), l.schema().source(),
                l.schema().root().fields().values().stream().map(Catalogs::field).toList())).toList();
    }

    private static Catalog.Field field(Field f) {
        return new Catalog.Field(f.name(), f.type().word(), f.required(), f.description() == null ? "" : f.description(),
                f.values(), f.min(), f.max() == Integer.MAX_VALUE ? 0 : f.max(), f.of() == null ? null : field(f.of()),
                f.fields().values().stream().map(Catalogs::field).toList());
    }

    static Catalog catalog(Workspace workspace) {
        List<Catalog.Layout> layouts = layouts(workspace);
        ThemeLoader.Origins loaded = ProjectCatalog.theme(workspace);
        Theme theme = loaded.theme();
        List<Catalog.Color> colors = new ArrayList<>();
        loaded.colors().keySet().forEach(name -> {
            if (theme.colors().containsKey(name)) {
                colors.add(new Catalog.Color(name, origin(loaded.colors(), name), theme.colors().get(name).hex()));
            }
        });
        List<Catalog.Font> fonts = new ArrayList<>();
        loaded.fonts().keySet().forEach(name -> {
            FontFamily f = theme.fonts().get(name);
            if (f != null) {
                fonts.add(new Catalog.Font(name, origin(loaded.fonts(), name), display(workspace, f.regular()),
                        display(workspace, f.bold()), display(workspace, f.italic()), display(workspace, f.boldItalic())));
            }
        });
        List<Catalog.Style> styles = theme.styles().values().stream().sorted(Comparator.comparing(TextStyle::name))
                .map(s -> new Catalog.Style(s.name(), origin(loaded.styles(), s.name()), s.family(), s.bold(), s.italic(),
                        s.size(), s.leading(), colorName(theme, s), s.align().word()))
                .toList();
        return new Catalog(theme.name(), layouts, colors, fonts, styles);
    }

    /** A style's colour by its palette name when it has one, else as #RRGGBB. */
    private static String colorName(Theme theme, TextStyle style) {
        return theme.colors().entrySet().stream().filter(e -> e.getValue().equals(style.color())).map(Map.Entry::getKey)
                .sorted().findFirst().orElse(style.color().hex());
    }

    private static Catalog.Origin origin(Map<String, String> files, String name) {
        String file = files.getOrDefault(name, Builtins.PREFIX);
        return file.startsWith(Builtins.PREFIX) ? Catalog.Origin.BUILTIN : Catalog.Origin.PROJECT;
    }

    private static String display(Workspace workspace, Path path) {
        return path == null ? null : workspace.display(path);
    }

    /** Writes every schema file under {@code dir}; returns the files written, in order. */
    static List<Path> writeSchemas(Workspace workspace, AtomicOutput output, Path dir) {
        ProjectFiles project = workspace.project();
        Map<String, Object> files = JsonSchemas.all(ProjectCatalog.layouts(project), ProjectCatalog.themes(project));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Object> e : files.entrySet()) {
            Path target = dir.resolve(e.getKey());
            try {
                Files.createDirectories(target.getParent());
                output.write(target, out -> out.write(JsonTree.write(e.getValue()).getBytes(StandardCharsets.UTF_8)));
            } catch (IOException ex) {
                throw BrochureException.of(SourceLocation.of(target), "cannot write the schema: " + ex.getMessage(), null);
            }
            written.add(target);
        }
        // A layout the project no longer has leaves no schema behind.
        Path layouts = dir.resolve(JsonSchemas.LAYOUTS);
        try (java.util.stream.Stream<Path> present = Files.list(layouts)) {
            for (Path stale : present.filter(f -> f.getFileName().toString().endsWith(".schema.json"))
                    .filter(f -> !written.contains(f)).toList()) {
                Files.deleteIfExists(stale);
            }
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(layouts), "cannot tidy the schemas: " + e.getMessage(), null);
        }
        return written;
    }

    /** Copies built-in layout {@code name} (template and schema) into the project's {@code layouts/}. */
    static List<Path> copyLayout(ProjectFiles project, String name) {
        List<String> builtins = Builtins.list(LayoutCatalog.FOLDER).stream().filter(n -> n.endsWith(LayoutCatalog.TEMPLATE))
                .map(n -> n.substring(0, n.length() - LayoutCatalog.TEMPLATE.length())).toList();
        if (!builtins.contains(name)) {
            throw BrochureException.of(SourceLocation.of(Builtins.displayName(LayoutCatalog.FOLDER, name)),
                    "there is no built-in layout '" + name + "'", Suggestions.hint(name, builtins));
        }
        Path dir = project.layoutsDir();
        List<Path> targets = List.of(dir.resolve(name + LayoutCatalog.TEMPLATE), dir.resolve(name + LayoutCatalog.SCHEMA));
        for (Path target : targets) {
            if (Files.exists(target)) {
                throw BrochureException.of(SourceLocation.of(target), "the project already has this file; not overwritten",
                        "edit it, or delete it first to copy the built-in layout again");
            }
        }
        try {
            Files.createDirectories(dir);
            for (Path target : targets) {
                String text = Builtins.read(LayoutCatalog.FOLDER, target.getFileName().toString()).orElseThrow();
                Files.writeString(target, text, StandardOpenOption.CREATE_NEW);
            }
        } catch (FileAlreadyExistsException e) {
            throw BrochureException.of(SourceLocation.of(Path.of(e.getFile())),
                    "the project already has this file; not overwritten", null);
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(dir), "cannot write the layout: " + e.getMessage(), null);
        }
        return targets;
    }
}
