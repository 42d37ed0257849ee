package dev.brochure.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * veraPDF (the greenfield parser and the validation profiles it ships) as the tests use it: a
 * PDF against PDF/UA-1 or PDF/A-2, and the rules it breaks, each with how often and one
 * example. {@code main} prints the verdict for files on the command line (for measuring).
 */
public final class VeraPdf {

    /** A rule the PDF breaks: its clause and test number, what it asks, how many checks failed, one message. */
    public record Failure(String rule, String description, int checks, String example) {
        @Override
        public String toString() {
            return rule + " (" + checks + "x): " + description + " — e.g. " + example;
        }
    }

    /** veraPDF's verdict on one PDF for one flavour. */
    public record Verdict(PDFAFlavour flavour, boolean compliant, int checks, List<Failure> failures) {
        public int failedChecks() {
            return failures.stream().mapToInt(Failure::checks).sum();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(flavour.getId() + ": " + (compliant ? "compliant" : "NOT compliant")
                    + ", " + failures.size() + " failed rules, " + failedChecks() + " failed checks");
            failures.forEach(f -> b.append("\n  ").append(f));
            return b.toString();
        }
    }

    private VeraPdf() {
    }

    public static Verdict pdfUa1(Path pdf) {
        return validate(pdf, PDFAFlavour.PDFUA_1);
    }

    public static Verdict pdfA2a(Path pdf) {
        return validate(pdf, PDFAFlavour.PDFA_2_A);
    }

    public static Verdict pdfA2u(Path pdf) {
        return validate(pdf, PDFAFlavour.PDFA_2_U);
    }

    public static synchronized Verdict validate(Path pdf, PDFAFlavour flavour) {
        VeraGreenfieldFoundryProvider.initialise();
        try (InputStream in = Files.newInputStream(pdf);
                PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, 1, false, true, false);
            ValidationResult result = validator.validate(parser);
            Map<RuleId, String> examples = new LinkedHashMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    examples.putIfAbsent(a.getRuleId(), (a.getErrorMessage() != null ? a.getErrorMessage()
                            : a.getMessage()) + " @ " + a.getLocation().getContext());
                }
            }
            List<Failure> failures = new ArrayList<>();
            result.getFailedChecks().forEach((id, count) -> failures.add(new Failure(
                    id.getClause() + "-" + id.getTestNumber(),
                    result.getValidationProfile().getRuleByRuleId(id).getDescription(), count,
                    examples.getOrDefault(id, ""))));
            failures.sort(Comparator.comparing(Failure::rule));
            return new Verdict(flavour, result.isCompliant(), result.getTotalAssertions(), failures);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate " + pdf + ": " + e, e);
        }
    }

    /** {@code VeraPdf [ua1|2a|2b|2u] FILE...}: prints veraPDF's verdict for each file. */
    public static void main(String[] args) {
        PDFAFlavour flavour = switch (args[0]) {
            case "ua1" -> PDFAFlavour.PDFUA_1;
            case "2a" -> PDFAFlavour.PDFA_2_A;
            case "2b" -> PDFAFlavour.PDFA_2_B;
            case "2u" -> PDFAFlavour.PDFA_2_U;
            default -> throw new IllegalArgumentException(args[0]);
        };
        for (int i = 1; i < args.length; i++) {
            System.out.println(args[i] + " " + validate(Path.of(args[i]), flavour));
        }
    }
}
