package dev.brochure.pipeline.batch;

import dev.brochure.pipeline.BuildRequest;
import java.nio.file.Path;

/**
 * What {@code brochure batch} is to make: the build settings shared by every copy ({@code build}:
 * content folder, profile, size budget; its output is not used), the recipients file, the
 * output folder, the file name pattern (null for the default, see {@link CopyNames}), how many
 * copies to build at once, and which part of the batch this run makes.
 */
public record BatchRequest(BuildRequest build, Path recipients, Path outDir, String namePattern, int jobs,
        Shard shard) {

    /** The output folder when none is given: {@code out/batch}. */
    public static Path defaultOut() {
        return Path.of("out", "batch");
    }

    public BatchRequest {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }

    public static BatchRequest of(BuildRequest build, Path recipients, Path outDir) {
        return new BatchRequest(build, recipients, outDir, null, Runtime.getRuntime().availableProcessors(), Shard.ALL);
    }

    public BatchRequest withName(String pattern) {
        return new BatchRequest(build, recipients, outDir, pattern, jobs, shard);
    }

    public BatchRequest withJobs(int n) {
        return new BatchRequest(build, recipients, outDir, namePattern, n, shard);
    }

    public BatchRequest withShard(Shard other) {
        return new BatchRequest(build, recipients, outDir, namePattern, jobs, other);
    }
}
