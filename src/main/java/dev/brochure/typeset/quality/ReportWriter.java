package dev.brochure.typeset.quality;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Writes a {@link TypographyReport} for people (a table), for the docs (Markdown) or for tools (JSON). */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** The totals, then one row per paragraph of running text (headings only when at a column foot). */
    public static String text(TypographyReport report) {
        StringBuilder b = new StringBuilder();
        TypographyReport.Totals t = report.totals();
        b.append("typography (").append(report.breaker()).append(" line breaking)\n");
        b.append(String.format(Locale.ROOT, "  paragraphs %d, lines %d, justified lines %d%n", t.paragraphs(), t.lines(),
                t.justifiedLines()));
        b.append(String.format(Locale.ROOT, "  adjustment ratio |r|: mean %.3f, max %.3f; loose lines (r > 1) %d, "
                + "very loose (r > 2) %d%n", t.meanAbsRatio(), t.maxAbsRatio(), t.loose(), t.veryLoose()));
        b.append(String.format(Locale.ROOT, "  overfull lines %d%n", t.overfull()));
        b.append(String.format(Locale.ROOT, "  ragged lines %d: shortfall mean %.2f em, max %.2f em; notches (short by "
                + "over 3 em) %d%n", t.raggedLines(), t.meanShortfall(), t.maxShortfall(), t.notches()));
        b.append(String.format(Locale.ROOT, "  hyphenated lines %d, longest run %d, paragraphs with a run over 2: %d%n",
                t.hyphenated(), t.longestHyphenRun(), t.hyphenRunsOverTwo()));
        b.append(String.format(Locale.ROOT, "  widows %d, orphans %d, headings at a column foot %d%n%n", t.widows(),
                t.orphans(), t.headingsAtFoot()));
        b.append(String.format(Locale.ROOT, "%-34s %-10s %5s %6s %6s %5s %4s %4s %3s %3s %3s %3s  %s%n", "where", "style",
                "lines", "mean|r|", "max|r|", "loose", "over", "hyph", "run", "wid", "orp", "hdg", "text"));
        for (TypographyReport.Paragraph p : report.paragraphs()) {
            if (p.heading() && p.headingsAtFoot() == 0) {
                continue;
            }
            b.append(String.format(Locale.ROOT, "%-34s %-10s %5d %6s %6s %5d %4d %4d %3d %3d %3d %3d  %s%n",
                    clip(p.where().toString(), 34), clip(p.style(), 10), p.lines(),
                    p.justifiedLines() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", p.meanAbsRatio()),
                    p.justifiedLines() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", p.maxAbsRatio()), p.loose(),
                    p.overfull(), p.hyphenated(), p.longestHyphenRun(), p.widows(), p.orphans(), p.headingsAtFoot(),
                    p.preview()));
        }
        return b.toString();
    }

    /** A Markdown table of the totals, one column per breaker, as recorded in docs/typography.md. */
    public static String markdown(List<TypographyReport> reports) {
        StringBuilder b = new StringBuilder("| figure |");
        reports.forEach(r -> b.append(' ').append(r.breaker()).append(" |"));
        b.append("\n|---|");
        reports.forEach(r -> b.append("---:|"));
        b.append('\n');
        row(b, reports, "paragraphs (incl. headings)", t -> String.valueOf(t.paragraphs()));
        row(b, reports, "lines", t -> String.valueOf(t.lines()));
        row(b, reports, "justified lines", t -> String.valueOf(t.justifiedLines()));
        row(b, reports, "mean \\|r\\| of justified lines", t -> String.format(Locale.ROOT, "%.3f", t.meanAbsRatio()));
        row(b, reports, "max \\|r\\| of justified lines", t -> String.format(Locale.ROOT, "%.3f", t.maxAbsRatio()));
        row(b, reports, "loose lines (r > 1)", t -> String.valueOf(t.loose()));
        row(b, reports, "very loose lines (r > 2)", t -> String.valueOf(t.veryLoose()));
        row(b, reports, "overfull lines", t -> String.valueOf(t.overfull()));
        row(b, reports, "ragged lines (not last of a paragraph)", t -> String.valueOf(t.raggedLines()));
        row(b, reports, "mean shortfall of ragged lines (em)", t -> String.format(Locale.ROOT, "%.2f", t.meanShortfall()));
        row(b, reports, "max shortfall of ragged lines (em)", t -> String.format(Locale.ROOT, "%.2f", t.maxShortfall()));
        row(b, reports, "ragged lines short by more than 3 em", t -> String.valueOf(t.notches()));
        row(b, reports, "hyphenated lines", t -> String.valueOf(t.hyphenated()));
        row(b, reports, "longest run of hyphenated lines", t -> String.valueOf(t.longestHyphenRun()));
        row(b, reports, "widows", t -> String.valueOf(t.widows()));
        row(b, reports, "orphans", t -> String.valueOf(t.orphans()));
        row(b, reports, "headings at a column foot", t -> String.valueOf(t.headingsAtFoot()));
        return b.toString();
    }

    private static void row(StringBuilder b, List<TypographyReport> reports, String name,
            Function<TypographyReport.Totals, String> value) {
        b.append("| ").append(name).append(" |");
        reports.forEach(r -> b.append(' ').append(value.apply(r.totals())).append(" |"));
        b.append('\n');
    }

    /** The whole report as JSON: {@code breaker}, {@code totals}, {@code paragraphs}. */
    public static String json(TypographyReport report) {
        TypographyReport.Totals t = report.totals();
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"breaker\": ").append(string(report.breaker())).append(",\n");
        b.append("  \"totals\": {").append(String.format(Locale.ROOT,
                "\"paragraphs\": %d, \"lines\": %d, \"justifiedLines\": %d, \"meanAbsRatio\": %s, \"maxAbsRatio\": %s, "
                        + "\"loose\": %d, \"veryLoose\": %d, \"overfull\": %d, \"hyphenated\": %d, \"longestHyphenRun\": %d, "
                        + "\"hyphenRunsOverTwo\": %d, \"raggedLines\": %d, \"meanShortfall\": %s, \"maxShortfall\": %s, "
                        + "\"notches\": %d, \"widows\": %d, \"orphans\": %d, \"headingsAtFoot\": %d",
                t.paragraphs(), t.lines(), t.justifiedLines(), number(t.meanAbsRatio()), number(t.maxAbsRatio()),
                t.loose(), t.veryLoose(), t.overfull(), t.hyphenated(), t.longestHyphenRun(), t.hyphenRunsOverTwo(),
                t.raggedLines(), number(t.meanShortfall()), number(t.maxShortfall()), t.notches(), t.widows(), t.orphans(), t.headingsAtFoot())).append("},\n");
        b.append("  \"paragraphs\": [");
        List<TypographyReport.Paragraph> ps = report.paragraphs();
        for (int i = 0; i < ps.size(); i++) {
            TypographyReport.Paragraph p = ps.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {").append(String.format(Locale.ROOT,
                    "\"where\": %s, \"style\": %s, \"text\": %s, \"justified\": %b, \"heading\": %b, \"lines\": %d, "
                            + "\"justifiedLines\": %d, \"meanAbsRatio\": %s, \"maxAbsRatio\": %s, \"loose\": %d, "
                            + "\"veryLoose\": %d, \"overfull\": %d, \"hyphenated\": %d, \"longestHyphenRun\": %d, "
                            + "\"raggedLines\": %d, \"meanShortfall\": %s, \"maxShortfall\": %s, \"notches\": %d, \"widows\": %d, "
                            + "\"orphans\": %d, \"headingsAtFoot\": %d",
                    string(p.where().toString()), string(p.style()), string(p.preview()), p.justified(), p.heading(),
                    p.lines(), p.justifiedLines(), number(p.meanAbsRatio()), number(p.maxAbsRatio()), p.loose(),
                    p.veryLoose(), p.overfull(), p.hyphenated(), p.longestHyphenRun(), p.raggedLines(),
                    number(p.meanShortfall()), number(p.maxShortfall()), p.notches(), p.widows(), p.orphans(), p.headingsAtFoot()))
                    .append('}');
        }
        b.append(ps.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return b.toString();
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }

    /** A JSON string literal. */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : "…" + s.substring(s.length() - width + 1);
    }
}
