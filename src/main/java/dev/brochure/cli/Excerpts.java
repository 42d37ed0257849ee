package dev.brochure.cli;

import dev.brochure.diag.Diagnostic;
import java.util.Optional;

/**
 * A diagnostic as a terminal shows it: its first line, the source line it points at with a caret
 * under the column (as rustc and Typst print them), then its hint. Lines wider than
 * {@link #WIDTH} are shown around the column.
 *
 * <pre>
 * layouts/note.ftlx:3:5: error: &lt;para&gt; (setting sections/a.yaml): style 'x' is not defined
 *   |
 * 3 |     &lt;para style="x"&gt;${section.text}&lt;/para&gt;
 *   |     ^
 *   = hint: ...
 * </pre>
 */
final class Excerpts {

    static final int WIDTH = 120;

    private Excerpts() {
    }

    static String format(Diagnostic d, Optional<String> source) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append(d.where()).append(": ").append(d.isError() ? "error" : "warning").append(": ").append(d.message());
        if (source.isPresent() && d.where().line() > 0) {
            String number = Integer.toString(d.where().line());
            String gutter = " ".repeat(number.length());
            String line = source.get().replace('\t', ' ').stripTrailing();
            int column = Math.max(0, d.where().column() - 1);
            int from = 0;
            if (line.length() > WIDTH) {
                from = Math.max(0, Math.min(column - WIDTH / 2, line.length() - WIDTH));
                line = (from > 0 ? "..." : "") + line.substring(from, Math.min(line.length(), from + WIDTH))
                        + (from + WIDTH < line.length() ? "..." : "");
                column = column - from + (from > 0 ? 3 : 0);
            }
            out.append(nl).append(gutter).append(" |");
            out.append(nl).append(number).append(" | ").append(line);
            if (d.where().column() > 0) {
                out.append(nl).append(gutter).append(" | ").append(" ".repeat(Math.min(column, line.length()))).append('^');
            }
        }
        if (d.hint() != null && !d.hint().isBlank()) {
            out.append(nl).append("  hint: ").append(d.hint());
        }
        return out.toString();
    }
}
