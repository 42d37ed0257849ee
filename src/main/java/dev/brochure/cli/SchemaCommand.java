package dev.brochure.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code brochure schema}: JSON Schemas of the project's YAML files, for editors. */
@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write JSON Schemas of brochure.yaml, the section files (one per layout, and one for any "
                + "layout) and themes, made from the layouts' schemas (the project's and the built-in ones), so an "
                + "editor can complete and check the content's keys.",
                "Point a YAML file at one with a first line '# yaml-language-server: $schema=PATH'."})
final class SchemaCommand extends Subcommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ContentOptions content;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the schemas (default: <content>/schemas).")
    Path out;

    @Override
    public Integer call() {
        Path dir = out != null ? out : content.content.resolve("schemas");
        List<Path> written = context().pipeline().writeSchemas(content.request(Path.of("unused.pdf")), dir);
        context().out().printf("wrote %d schema files to %s%n", written.size(), dir);
        context().out().println("Point each YAML file at its schema with this first line (editors with YAML language "
                + "support, such as VS Code's YAML extension, then complete and check its keys):");
        Path base = content.content.toAbsolutePath().normalize();
        Path schemas = dir.toAbsolutePath().normalize();
        line("brochure.yaml", base, schemas.resolve("brochure.schema.json"));
        line("sections/*.yaml", base.resolve("sections"), schemas.resolve("section.schema.json"));
        line("themes/*.yaml", base.resolve("themes"), schemas.resolve("theme.schema.json"));
        return ExitCode.OK;
    }

    private void line(String files, Path from, Path schema) {
        String relative = from.relativize(schema).toString().replace('\\', '/');
        context().out().printf("  %-16s # yaml-language-server: $schema=%s%n", files, relative);
    }
}
