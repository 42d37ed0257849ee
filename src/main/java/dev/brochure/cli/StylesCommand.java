package dev.brochure.cli;

import dev.brochure.pipeline.Catalog;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code brochure styles}: the paragraph styles of the project's theme. */
@Command(name = "styles", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the paragraph styles of the theme brochure.yaml selects (built-in or the project's): "
                + "font family, weight, size/leading, alignment and colour.")
final class StylesCommand extends ThemeListing implements Callable<Integer> {

    @Override
    public Integer call() {
        List<Catalog.Style> styles = catalog().styles();
        table(styles, List.of(Catalog.Style::name, s -> s.origin().toString(),
                s -> s.font() + (s.bold() ? " bold" : "") + (s.italic() ? " italic" : ""),
                s -> String.format(Locale.ROOT, "%s/%s pt", number(s.size()), number(s.leading())),
                Catalog.Style::align, Catalog.Style::color));
        return ExitCode.OK;
    }

    private static String number(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.format(Locale.ROOT, "%.2f", points)
                .replaceAll("0+$", "");
    }
}
