package dev.brochure.cli;

import dev.brochure.inspect.verify.ExpectedText;
import dev.brochure.inspect.verify.Failure;
import dev.brochure.inspect.verify.Rule;
import dev.brochure.inspect.verify.Verifier;
import dev.brochure.inspect.verify.VerifyOptions;
import dev.brochure.inspect.verify.VerifyResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code brochure verify}: inspect plus rules, for CI. Prints one line per failure to standard
 * error and exits 1 when any rule fails; prints the rules that passed and exits 0 otherwise.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check a PDF for release: pages, fonts embedded, no missing glyphs, images at or above"
                + " --min-ppi, links that go somewhere safe, no text outside the page, tagged for screen readers, text in"
                + " WCAG AA contrast, the content's text all present (with --content), size within --max-size, and with"
                + " --pdfx the PDF/X-4 requirements of a print file. Exits 1 with one line per problem.")
final class VerifyCommand extends Subcommand implements Callable<Integer> {


    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = "out/brochure.pdf",
            description = "The PDF to verify (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--content", paramLabel = "DIR",
            description = "A content folder whose text must all be found in the PDF (for example brochure-content).")
    Path content;

    @Option(names = "--min-ppi", paramLabel = "N", defaultValue = "120",
            description = "The lowest effective resolution a placed image may have (default: ${DEFAULT-VALUE}).")
    double minPpi;

    @Option(names = "--max-size", paramLabel = "SIZE", converter = Sizes.class,
            description = "The largest the file may be: bytes, or with a decimal suffix k, M or G (800k, 5M).")
    Long maxSize;

    @Option(names = "--pdfx", description = "Also check the PDF/X-4 requirements of a file for print (build --profile"
            + " print writes one): identification, output intent, TrimBox and BleedBox, colour.")
    boolean pdfx;

    @Option(names = "--format", paramLabel = "text|json|sarif", defaultValue = "text",
            description = "text (default), json (one document on standard output, shape in the README) or sarif "
                    + "(SARIF 2.1.0 for code scanning: a missing text is shown at its YAML line).")
    Format format;

    @Override
    public Integer call() {
        if (!(minPpi >= 0) || Double.isInfinite(minPpi)) {
            throw usageError("--min-ppi must be a number of 0 or more");
        }
        Long budget = maxSize;
        if (format != Format.TEXT) {
            Attempt<VerifyResult> verified = attempt(() -> {
                List<ExpectedText> expected = content == null ? null : expectedText(content);
                return Verifier.verify(file, new VerifyOptions(minPpi, budget, expected, pdfx));
            }, result -> List.of());
            VerifyResult result = verified.result();
            return printDocument(format == Format.JSON ? Results.verify(file, result, verified.diagnostics())
                    : Sarif.verify(file, result, verified.diagnostics()), result != null && result.passed());
        }
        List<ExpectedText> expected = content == null ? null : expectedText(content);
        VerifyResult result = Verifier.verify(file, new VerifyOptions(minPpi, budget, expected, pdfx));
        String name = result.report().file();
        if (result.passed()) {
            context().out().printf("%s: ok: %s%n", name,
                    result.checked().stream().map(r -> describe(r, budget, expected)).collect(Collectors.joining(", ")));
            return ExitCode.OK;
        }
        for (Failure failure : result.failures()) {
            context().err().println(failure.line(name));
        }
        int n = result.failures().size();
        context().err().printf("%s: %d problem%s; failed: %s%n", name, n, n == 1 ? "" : "s",
                result.failedRules().stream().map(Rule::id).collect(Collectors.joining(", ")));
        context().err().flush();
        return ExitCode.USER_ERROR;
    }

    private List<ExpectedText> expectedText(Path dir) {
        return context().pipeline().expectedText(dir);
    }

    private String describe(Rule rule, Long budget, List<ExpectedText> expected) {
        return switch (rule) {
            case IMAGE_RESOLUTION -> String.format(Locale.ROOT, "%s (>= %.0f ppi)", rule.id(), minPpi);
            case CONTENT_TEXT -> rule.id() + " (" + expected.size() + " text units)";
            case FILE_SIZE -> rule.id() + " (<= " + Sizes.human(budget) + ")";
            default -> rule.id();
        };
    }
}
