package dev.brochure.inspect.verify;

import dev.brochure.inspect.report.InspectReport;
import java.util.List;

/** The report verify judged, the rules it checked, and every failure, in rule order. */
public record VerifyResult(InspectReport report, List<Rule> checked, List<Failure> failures) {

    public VerifyResult {
        checked = List.copyOf(checked);
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public List<Rule> failedRules() {
        return failures.stream().map(Failure::rule).distinct().toList();
    }
}
