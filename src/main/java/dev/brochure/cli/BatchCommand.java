package dev.brochure.cli;

import dev.brochure.pipeline.OutputProfile;
import dev.brochure.pipeline.batch.Batch;
import dev.brochure.pipeline.batch.BatchRequest;
import dev.brochure.pipeline.batch.BatchResult;
import dev.brochure.pipeline.batch.Shard;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code brochure batch}: one personalised PDF per record of a recipients file. */
@Command(name = "batch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Build one personalised copy of the brochure per recipient (CSV or YAML), resumably.")
final class BatchCommand extends Subcommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ContentOptions content;

    @Option(names = "--recipients", paramLabel = "FILE", required = true,
            description = "The recipients: a CSV file with a header row, or a YAML list of records.")
    Path recipients;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/batch",
            description = "The folder for the copies and the manifest (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--name", paramLabel = "PATTERN",
            description = "File name of each copy, e.g. '{last_name}-{first_name}' ({record}: the record's number); "
                    + "default: the file's id, first_name, last_name and name fields joined by '-'.")
    String name;

    @Option(names = "--profile", paramLabel = "screen|print|email", defaultValue = "screen",
            description = "Output profile of every copy (default: ${DEFAULT-VALUE}).")
    OutputProfile profile;

    @Option(names = "--max-size", paramLabel = "SIZE", converter = Sizes.class,
            description = "Size budget of each copy (e.g. 2MB).")
    Long maxSize;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Copies built at once (default: the number of cores).")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "I/N", converter = ShardConverter.class,
            description = "Build only part I of N of the batch (for N CI jobs); each part has its own manifest.")
    Shard shard;

    @Option(names = "--progress", paramLabel = "auto|bar|lines", defaultValue = "auto",
            description = "Progress display: a bar on a terminal, plain lines otherwise (default: ${DEFAULT-VALUE}).")
    String progress;

    /** {@code I/N}. */
    static final class ShardConverter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        if (jobs != null && (jobs < 1 || jobs > 256)) {
            throw usageError("--jobs takes 1 to 256");
        }
        if (!progress.equals("auto") && !progress.equals("bar") && !progress.equals("lines")) {
            throw usageError("--progress takes auto, bar or lines");
        }
        BatchRequest request = BatchRequest.of(content.request(out.resolve("unused.pdf")).withProfile(profile, false)
                        .withMaxSize(maxSize == null ? 0 : maxSize), recipients, out)
                .withName(name)
                .withJobs(jobs == null ? Runtime.getRuntime().availableProcessors() : jobs)
                .withShard(shard == null ? Shard.ALL : shard);
        boolean bar = !common.quiet && (progress.equals("bar") || progress.equals("auto") && context().terminal());
        BatchResult result;
        try (Progress display = bar ? Progress.bar(System.err) : Progress.lines(common.quiet
                ? new java.io.PrintWriter(java.io.Writer.nullWriter()) : context().out())) {
            result = Batch.run(context().pipeline(), request, display);
        }
        context().report(result.warnings());
        for (BatchResult.Failure failure : result.failures()) {
            context().report(failure.errors());
        }
        BatchResult.Plan plan = result.plan();
        String part = plan.shard().isAll() ? "" : String.format(Locale.ROOT, " (shard %s: %d of %d records)",
                plan.shard(), plan.inShard(), plan.records());
        context().out().printf(Locale.ROOT, "batch: %d built, %d up to date, %d failed%s in %.1f s (%.1f copies/s); "
                        + "manifest %s%n", result.built(), result.upToDate(), result.failed(), part, result.seconds(),
                result.copiesPerSecond(), result.manifest());
        if (result.failed() > 0) {
            context().err().println(result.failed() == 1 ? "1 record failed" : result.failed() + " records failed");
            context().err().flush();
        }
        return result.internalError() ? ExitCode.INTERNAL : result.failed() > 0 ? ExitCode.USER_ERROR : ExitCode.OK;
    }
}
