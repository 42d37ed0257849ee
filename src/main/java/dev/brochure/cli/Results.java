package dev.brochure.cli;

import dev.brochure.diag.Diagnostic;
import dev.brochure.inspect.verify.Failure;
import dev.brochure.inspect.verify.Rule;
import dev.brochure.inspect.verify.VerifyResult;
import dev.brochure.pipeline.BuildResult;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.vocab.SourceLocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --format json} documents of {@code build}, {@code validate} and {@code verify}, made
 * from the pipeline's and the verifier's results. Each starts with {@code schema}, the name and
 * version of its shape ({@code brochure-build/1}, ...): a field is never renamed, removed or
 * retyped without a new version. The README shows each shape; a test checks them against it.
 */
final class Results {

    static final String BUILD = "brochure-build/1";
    static final String VALIDATE = "brochure-validate/1";
    static final String VERIFY = "brochure-verify/1";

    private static final Pattern ORIGIN = Pattern.compile("(.+?):(\\d+)(?::(\\d+))?");

    private Results() {
    }

    static Map<String, Object> build(Path content, Path output, String profile, BuildResult result,
            List<Diagnostic> diagnostics, double seconds) {
        Map<String, Object> json = head(BUILD, result != null, diagnostics);
        json.put("content", content.toString());
        json.put("output", output.toString());
        json.put("profile", profile);
        json.put("pages", result == null ? null : result.pages());
        json.put("bytes", result == null ? null : result.bytes());
        Map<String, Object> images = new LinkedHashMap<>();
        images.put("maxPpi", result == null ? null : result.imageMaxPpi());
        images.put("jpegQuality", result == null ? null
                : result.jpegQuality().map(q -> (Object) (Math.round(q * 100) / 100.0)).orElse(null));
        json.put("images", result == null ? null : images);
        List<Object> stages = new java.util.ArrayList<>();
        if (result != null) {
            result.times().millis().forEach((stage, ms) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("stage", stage);
                m.put("millis", Math.round(ms * 10) / 10.0);
                stages.add(m);
            });
        }
        json.put("stages", result == null ? null : stages);
        json.put("seconds", Math.round(seconds * 1000) / 1000.0);
        json.put("diagnostics", diagnostics(diagnostics));
        return json;
    }

    static Map<String, Object> validate(Path content, Pipeline.Checked result, List<Diagnostic> diagnostics) {
        Map<String, Object> json = head(VALIDATE, result != null, diagnostics);
        json.put("content", content.toString());
        json.put("sections", result == null ? null : result.sections());
        json.put("pages", result == null ? null : result.pages());
        json.put("diagnostics", diagnostics(diagnostics));
        return json;
    }

    static Map<String, Object> verify(Path file, VerifyResult result, List<Diagnostic> diagnostics) {
        boolean ok = result != null && result.passed();
        Map<String, Object> json = head(VERIFY, ok, diagnostics);
        json.put("file", result == null ? file.toString() : result.report().file());
        json.put("checked", result == null ? List.of() : result.checked().stream().map(Rule::id).toList());
        json.put("failed", result == null ? List.of() : result.failedRules().stream().map(Rule::id).toList());
        json.put("failures", result == null ? List.of() : result.failures().stream().map(Results::failure).toList());
        json.put("diagnostics", diagnostics(diagnostics));
        return json;
    }

    private static Map<String, Object> head(String schema, boolean ok, List<Diagnostic> diagnostics) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", schema);
        json.put("ok", ok && diagnostics.stream().noneMatch(Diagnostic::isError));
        json.put("errors", diagnostics.stream().filter(Diagnostic::isError).count());
        json.put("warnings", diagnostics.stream().filter(d -> !d.isError()).count());
        return json;
    }

    private static List<Object> diagnostics(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", d.isError() ? "error" : "warning");
            m.put("file", d.where().file());
            m.put("line", d.where().line() > 0 ? d.where().line() : null);
            m.put("column", d.where().column() > 0 ? d.where().column() : null);
            m.put("message", d.message());
            m.put("hint", d.hint() == null || d.hint().isBlank() ? null : d.hint());
            return (Object) m;
        }).toList();
    }

    private static Map<String, Object> failure(Failure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule().id());
        m.put("message", f.message());
        SourceLocation at = origin(f);
        m.put("file", at == null ? null : at.file());
        m.put("line", at == null || at.line() <= 0 ? null : at.line());
        m.put("column", at == null || at.column() <= 0 ? null : at.column());
        return m;
    }

    /** The content place a failure is about ({@code file:line:column}), or null. */
    static SourceLocation origin(Failure f) {
        if (f.origin() == null) {
            return null;
        }
        Matcher m = ORIGIN.matcher(f.origin());
        if (!m.matches()) {
            return SourceLocation.of(f.origin());
        }
        return new SourceLocation(m.group(1), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }
}
