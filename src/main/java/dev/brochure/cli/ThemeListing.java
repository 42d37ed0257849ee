package dev.brochure.cli;

import dev.brochure.pipeline.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/** What the theme listings ({@code styles}, {@code colors}, {@code fonts}) share: loading and aligned rows. */
abstract class ThemeListing extends Subcommand {

    @Mixin
    CommonOptions common;

    @Mixin
    ContentOptions content;

    /** The catalog of the project's theme, its name printed first. */
    Catalog catalog() {
        Catalog catalog = context().pipeline().catalog(content.request(Path.of("unused.pdf")));
        context().out().println("theme: " + catalog.theme());
        return catalog;
    }

    /** One line per row, its cells in columns as wide as their widest entry. */
    <T> void table(List<T> rows, List<Function<T, String>> cells) {
        int[] widths = new int[cells.size()];
        for (T row : rows) {
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).apply(row).length());
            }
        }
        for (T row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i).apply(row);
                line.append(cell).append(" ".repeat(widths[i] - cell.length() + 2));
            }
            context().out().println(line.toString().stripTrailing());
        }
    }
}
