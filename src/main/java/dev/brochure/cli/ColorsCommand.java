package dev.brochure.cli;

import dev.brochure.pipeline.Catalog;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code brochure colors}: the palette of the project's theme. */
@Command(name = "colors", aliases = "colours", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the named colours of the theme brochure.yaml selects, for styles and layouts.")
final class ColorsCommand extends ThemeListing implements Callable<Integer> {

    @Override
    public Integer call() {
        table(catalog().colors(), List.of(Catalog.Color::name, Catalog.Color::hex, c -> c.origin().toString()));
        return ExitCode.OK;
    }
}
