package dev.brochure.content;

import dev.brochure.content.schema.SchemaReader;
import dev.brochure.content.schema.SectionSchema;
import dev.brochure.content.theme.ThemeLoader;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostics;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.world.LayoutCatalog;
import dev.brochure.world.ProjectFiles;
import dev.brochure.world.Workspace;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What a content project can use, read without loading its sections: every layout (the
 * project's own in {@code layouts/} and the built-in ones) with its schema, the themes, and
 * the theme {@code brochure.yaml} selects with the file each of its colours, fonts and styles
 * comes from. Listings ({@code brochure layouts}) and the JSON Schemas are made from this.
 */
public final class ProjectCatalog {

    /** A layout and its schema; {@code own} when the project's {@code layouts/} gives its template. */
    public record Layout(String name, boolean own, SectionSchema schema) {
    }

    private ProjectCatalog() {
    }

    /** Every layout a section can name, sorted by name; a schema that cannot be read is an error. */
    public static List<Layout> layouts(ProjectFiles project) {
        LayoutCatalog catalog = new LayoutCatalog(project);
        Diagnostics diagnostics = new Diagnostics();
        List<Layout> out = new ArrayList<>();
        for (String name : catalog.available()) {
            Optional<LayoutCatalog.LayoutFile> file = catalog.find(name + LayoutCatalog.SCHEMA);
            if (file.isEmpty()) {
                diagnostics.error(SourceLocation.of(project.display(project.layoutsDir().resolve(name + LayoutCatalog.TEMPLATE))),
                        "layout '" + name + "' has no schema", "add " + name + LayoutCatalog.SCHEMA + " beside its template");
                continue;
            }
            try {
                SchemaReader.read(name, YamlFile.parse(file.get().displayName(), file.get().text()), diagnostics)
                        .ifPresent(schema -> out.add(new Layout(name,
                                Files.isRegularFile(project.layoutsDir().resolve(name + LayoutCatalog.TEMPLATE)), schema)));
            } catch (BrochureException e) {
                diagnostics.addAll(e.diagnostics());
            }
        }
        if (diagnostics.hasErrors()) {
            throw new BrochureException(diagnostics.all());
        }
        return out;
    }

    /** The names of the themes {@code theme:} may name: the project's {@code themes/} and the built-in ones. */
    public static Set<String> themes(ProjectFiles project) {
        return ThemeLoader.available(project);
    }

    /** The theme {@code brochure.yaml} selects ({@code default} when there is none), with origins. */
    public static ThemeLoader.Origins theme(Workspace workspace) {
        ProjectFiles project = workspace.project();
        String name = "default";
        SourceLocation at = SourceLocation.of(project.display(project.brochureFile()));
        Diagnostics diagnostics = new Diagnostics();
        if (Files.isRegularFile(project.brochureFile())) {
            YamlFile file = YamlFile.read(project.brochureFile(), project.display(project.brochureFile()));
            if (!file.isEmpty()) {
                NodeReader reader = new NodeReader(file.displayName(), diagnostics);
                Map<String, Node> top = reader.mapping(file.root(), "brochure.yaml", null).orElse(Map.of());
                Node theme = top.get("theme");
                if (theme != null && !NodeReader.isNull(theme)) {
                    name = reader.string(theme, "'theme'").orElse(name);
                    at = reader.at(theme);
                }
            }
        }
        if (diagnostics.hasErrors()) {
            throw new BrochureException(diagnostics.all());
        }
        Optional<ThemeLoader.Origins> theme = ThemeLoader.loadWithOrigins(name, at, workspace, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new BrochureException(diagnostics.all());
        }
        return theme.orElseThrow();
    }
}
