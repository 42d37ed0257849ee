package dev.brochure.cli;

import dev.brochure.diag.Diagnostic;
import dev.brochure.inspect.verify.Failure;
import dev.brochure.inspect.verify.Rule;
import dev.brochure.inspect.verify.VerifyResult;
import dev.brochure.pipeline.Version;
import dev.brochure.vocab.SourceLocation;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 logs of {@code validate} and {@code verify}, for code scanning: one run, the tool's
 * rules, and one result per problem, located at its YAML file, line and column where it has one
 * (so a pull request shows it on that line), else at the PDF.
 */
final class Sarif {

    static final String VERSION = "2.1.0";
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    /** The rule of every content, theme, layout and asset problem {@code validate} reports. */
    static final String CONTENT = "content";
    /** The rule of a file {@code verify} cannot read (a missing PDF, a content folder with errors). */
    static final String INPUT = "input";

    private record RuleInfo(String id, String description) {
    }

    private Sarif() {
    }

    static Map<String, Object> validate(List<Diagnostic> diagnostics) {
        List<RuleInfo> rules = List.of(new RuleInfo(CONTENT,
                "content, theme, layouts and images are valid, and everything fits on its pages"));
        List<Object> results = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            results.add(result(CONTENT, 0, d));
        }
        return log(rules, results);
    }

    static Map<String, Object> verify(Path file, VerifyResult verified, List<Diagnostic> diagnostics) {
        List<RuleInfo> rules = new ArrayList<>();
        for (Rule r : Rule.values()) {
            rules.add(new RuleInfo(r.id(), r.description()));
        }
        rules.add(new RuleInfo(INPUT, "the PDF and the content folder can be read"));
        String pdf = verified == null ? file.toString() : verified.report().file();
        List<Object> results = new ArrayList<>();
        if (verified != null) {
            for (Failure f : verified.failures()) {
                SourceLocation at = Results.origin(f);
                results.add(result(f.rule().id(), f.rule().ordinal(), "error", f.message(),
                        at == null ? SourceLocation.of(pdf) : at));
            }
        }
        for (Diagnostic d : diagnostics) {
            results.add(result(INPUT, rules.size() - 1, d));
        }
        return log(rules, results);
    }

    private static Map<String, Object> result(String rule, int index, Diagnostic d) {
        String text = d.hint() == null || d.hint().isBlank() ? d.message() : d.message() + " (hint: " + d.hint() + ")";
        return result(rule, index, d.isError() ? "error" : "warning", text, d.where());
    }

    private static Map<String, Object> result(String rule, int index, String level, String message, SourceLocation at) {
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", uri(at.file())));
        if (at.line() > 0) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("startLine", at.line());
            if (at.column() > 0) {
                region.put("startColumn", at.column());
            }
            physical.put("region", region);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", rule);
        result.put("ruleIndex", index);
        result.put("level", level);
        result.put("message", Map.of("text", message));
        result.put("locations", List.of(Map.of("physicalLocation", physical)));
        return result;
    }

    private static Map<String, Object> log(List<RuleInfo> rules, List<Object> results) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "brochure");
        driver.put("version", Version.current());
        driver.put("rules", rules.stream().map(r -> {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", r.id());
            rule.put("shortDescription", Map.of("text", r.description()));
            return (Object) rule;
        }).toList());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", VERSION);
        log.put("runs", List.of(run));
        return log;
    }

    /**
     * A file as a URI reference: a relative path stays relative (code scanning resolves it against
     * the repository), an absolute one becomes a {@code file:} URI, {@code builtin:...} stays as is.
     */
    static String uri(String file) {
        if (file.startsWith("builtin:")) {
            return file;
        }
        Path path = Path.of(file);
        if (path.isAbsolute()) {
            return path.toUri().toString();
        }
        try {
            return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            return file;
        }
    }
}
