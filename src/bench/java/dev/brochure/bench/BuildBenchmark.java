package dev.brochure.bench;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.BuildResult;
import dev.brochure.pipeline.OutputProfile;
import dev.brochure.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm, in-process builds of the brochure in {@code brochure-content/}: the whole pipeline from
 * YAML to the PDF file written, as a long-running process (watch mode, batches) repeats it.
 * Run through {@code bench/run.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true"})
public class BuildBenchmark {

    @Param({"screen"})
    public String profile;

    private Pipeline pipeline;
    private BuildRequest request;

    @Setup
    public void setUp() throws IOException {
        Path output = Files.createTempDirectory("brochure-bench").resolve("brochure.pdf");
        pipeline = new Pipeline(System.getenv(), Path.of("").toAbsolutePath());
        request = BuildRequest.of(Path.of("brochure-content"), output)
                .withProfile(OutputProfile.valueOf(profile.toUpperCase(java.util.Locale.ROOT)), false);
    }

    @Benchmark
    public BuildResult build() {
        return pipeline.build(request);
    }
}
