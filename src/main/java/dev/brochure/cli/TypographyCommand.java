package dev.brochure.cli;

import dev.brochure.diag.Diagnostic;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.pipeline.Pipeline.LineBreaking;
import dev.brochure.typeset.quality.ReportWriter;
import dev.brochure.typeset.quality.TypographyReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code brochure typography}: how well the text is set (line spacing, hyphens, widows and
 * orphans), computed from typesetting without writing a PDF.
 */
@Command(name = "typography", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Report how well the text is set: adjustment ratios of justified lines, overfull and loose "
                + "lines, hyphenated lines and runs of them, widows, orphans and headings at a column foot; "
                + "totals and one row per paragraph. Writes no PDF."})
final class TypographyCommand extends Subcommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ContentOptions content;

    @Option(names = "--breaker", paramLabel = "NAME", defaultValue = "knuth-plass", converter = BreakerConverter.class,
            description = "Line breaking to report on: knuth-plass (the default, as built), greedy (first fit at "
                    + "natural spacing, as word processors do) or greedy-shrink (first fit that may shrink spaces).")
    LineBreaking breaker;

    /** One output form at most. */
    static final class Form {
        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Option(names = "--markdown", description = "Print a Markdown table of the totals under each line breaker "
                + "(the table in docs/typography.md).")
        boolean markdown;
    }

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
    Form form = new Form();


    @Option(names = "--strict", description = "Exit with 1 if any line is overfull, any paragraph leaves a widow or "
            + "an orphan, a heading ends a column, or more than two lines in a row end with a hyphen.")
    boolean strict;


    static final class BreakerConverter implements picocli.CommandLine.ITypeConverter<LineBreaking> {
        @Override
        public LineBreaking convert(String value) {
            for (LineBreaking b : LineBreaking.values()) {
                if (b.toString().equalsIgnoreCase(value)) {
                    return b;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "unknown line breaker '" + value + "' (expected knuth-plass, greedy or greedy-shrink)");
        }
    }

    @Override
    public Integer call() {
        if (form.markdown) {
            List<TypographyReport> reports = new ArrayList<>();
            for (LineBreaking b : LineBreaking.values()) {
                Pipeline.Checked checked = typeset(b);
                if (b == LineBreaking.KNUTH_PLASS) {
                    // The warnings of the build's own line breaking, once (the others differ only in lines).
                    context().report(checked.warnings());
                }
                reports.add(checked.typography());
            }
            context().out().print(ReportWriter.markdown(reports));
            return ExitCode.OK;
        }
        Pipeline.Checked result = typeset(breaker);
        context().report(result.warnings());
        TypographyReport report = result.typography();
        context().out().print(form.json ? ReportWriter.json(report) : ReportWriter.text(report));
        if (strict) {
            List<Diagnostic> problems = problems(report);
            context().report(problems);
            return problems.isEmpty() ? ExitCode.OK : ExitCode.USER_ERROR;
        }
        return ExitCode.OK;
    }

    private Pipeline.Checked typeset(LineBreaking b) {
        return context().pipeline().check(content.request(Path.of("unused.pdf")), b);
    }

    /** One error per paragraph that breaks a rule --strict enforces. */
    private static List<Diagnostic> problems(TypographyReport report) {
        List<Diagnostic> out = new ArrayList<>();
        for (TypographyReport.Paragraph p : report.paragraphs()) {
            List<String> what = new ArrayList<>();
            if (p.overfull() > 0) {
                what.add(p.overfull() + " overfull line(s)");
            }
            if (p.widows() > 0) {
                what.add("a widow");
            }
            if (p.orphans() > 0) {
                what.add("an orphan");
            }
            if (p.headingsAtFoot() > 0) {
                what.add("a heading at the foot of a column");
            }
            if (p.longestHyphenRun() > 2) {
                what.add(p.longestHyphenRun() + " hyphenated lines in a row");
            }
            if (!what.isEmpty()) {
                SourceLocation where = p.where();
                out.add(Diagnostic.error(where, String.join(", ", what) + " in '" + p.preview() + "'", null));
            }
        }
        return out;
    }
}
