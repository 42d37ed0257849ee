package dev.brochure.cli;

import dev.brochure.pipeline.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code brochure fonts}: the font families of the project's theme and their files. */
@Command(name = "fonts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the font families of the theme brochure.yaml selects, with the file of each face.")
final class FontsCommand extends ThemeListing implements Callable<Integer> {

    @Override
    public Integer call() {
        table(catalog().fonts(), List.of(Catalog.Font::name, f -> f.origin().toString(), FontsCommand::faces));
        return ExitCode.OK;
    }

    private static String faces(Catalog.Font f) {
        List<String> faces = new ArrayList<>();
        faces.add("regular " + f.regular());
        if (f.bold() != null) {
            faces.add("bold " + f.bold());
        }
        if (f.italic() != null) {
            faces.add("italic " + f.italic());
        }
        if (f.boldItalic() != null) {
            faces.add("bold-italic " + f.boldItalic());
        }
        return String.join(", ", faces);
    }
}
