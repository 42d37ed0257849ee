package dev.brochure.pipeline.batch;

import dev.brochure.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * What a batch run did: of its records (this shard's), how many copies it built, how many were
 * up to date already, which records failed (each with its line in the recipients file and its
 * errors), the warnings of the copies (each once), the manifest, and how long it took.
 */
public record BatchResult(Plan plan, int built, int upToDate, List<Failure> failures, List<Diagnostic> warnings,
        Path manifest, double seconds, boolean internalError) {

    public BatchResult {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    /** The run's plan: records in the file, those of this shard, to build, up to date, failed before building. */
    public record Plan(int records, int inShard, int toBuild, int upToDate, int invalid, Shard shard) {
    }

    /** A record that was not made: its line in the recipients file, its output file (may be null) and why. */
    public record Failure(int line, String file, List<Diagnostic> errors) {
        public Failure {
            errors = List.copyOf(errors);
        }
    }

    /** One copy, built or failed. */
    public record Outcome(int line, String file, boolean ok, long bytes) {
    }

    public int failed() {
        return failures.size();
    }

    /** Copies built per second of the whole run (0 when none was built). */
    public double copiesPerSecond() {
        return built == 0 || seconds <= 0 ? 0 : built / seconds;
    }
}
