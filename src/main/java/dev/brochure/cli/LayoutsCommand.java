package dev.brochure.cli;

import dev.brochure.pipeline.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code brochure layouts}: the layouts a section can name, with their fields; or copies one into the project. */
@Command(name = "layouts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List the layouts a section can name: the built-in ones and the project's own (layouts/), "
                + "each with its fields, their types and which are required.",
                "With --copy, copy a built-in layout (template and schema) into the project's layouts/ to edit it "
                        + "there; an existing file is never overwritten."})
final class LayoutsCommand extends Subcommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ContentOptions content;

    @Option(names = "--copy", paramLabel = "NAME",
            description = "Copy the built-in layout NAME into <content>/layouts/ (refuses to overwrite).")
    String copy;

    @Override
    public Integer call() {
        if (copy != null) {
            List<Path> written = context().pipeline().copyLayout(content.request(Path.of("unused.pdf")), copy);
            for (Path p : written) {
                context().out().println("wrote " + p);
            }
            context().out().println("The project's " + copy + " now replaces the built-in one; edit it there.");
            return ExitCode.OK;
        }
        List<Catalog.Layout> layouts = context().pipeline().layouts(content.request(Path.of("unused.pdf")));
        for (Catalog.Layout layout : layouts) {
            context().out().println(layout.name() + " (" + layout.origin() + ")"
                    + (layout.description().isBlank() ? "" : ": " + layout.description()));
            fields(layout.fields(), "  ");
            context().out().println();
        }
        context().out().printf("%d layouts; a section names one with 'layout: NAME'. Common keys of every section: "
                + "layout, id, outline.%n", layouts.size());
        return ExitCode.OK;
    }

    private void fields(List<Catalog.Field> fields, String indent) {
        int nameWidth = fields.stream().mapToInt(f -> f.name().length()).max().orElse(0);
        int typeWidth = Math.min(TYPE_WIDTH, fields.stream().mapToInt(f -> type(f).length()).max().orElse(0));
        for (Catalog.Field f : fields) {
            String head = indent + pad(f.name(), nameWidth) + "  " + type(f);
            if (!f.description().isBlank() && type(f).length() > typeWidth) {
                context().out().println(head);
                context().out().println(" ".repeat(indent.length() + nameWidth + 2 + typeWidth + 2) + f.description());
            } else {
                context().out().println((indent + pad(f.name(), nameWidth) + "  " + pad(type(f), typeWidth) + "  "
                        + f.description()).stripTrailing());
            }
            Catalog.Field record = f.type().equals("record") ? f : f.of() != null && f.of().type().equals("record") ? f.of() : null;
            if (record != null) {
                fields(record.fields(), indent + "  ");
            }
        }
    }

    /** Longer type descriptions (choices with many words) put the field's description on a line of its own. */
    private static final int TYPE_WIDTH = 40;

    private static String type(Catalog.Field f) {
        return f.summary() + (f.required() ? ", required" : "");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
