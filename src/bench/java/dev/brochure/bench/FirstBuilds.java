package dev.brochure.bench;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The first builds of a fresh process, one after another: how much the second build gains from
 * what the first one loaded (fonts, images, compiled templates, warmed code). Prints one line
 * per build: {@code build N: T ms}.
 */
public final class FirstBuilds {

    private FirstBuilds() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path output = Files.createTempDirectory("brochure-first").resolve("brochure.pdf");
        // The real environment: the disk cache of resampled images applies, as for a user.
        Pipeline pipeline = new Pipeline(System.getenv(), Path.of("").toAbsolutePath());
        BuildRequest request = BuildRequest.of(Path.of("brochure-content"), output);
        for (int i = 1; i <= count; i++) {
            long start = System.nanoTime();
            pipeline.build(request);
            System.out.printf(Locale.ROOT, "build %d: %.1f ms%n", i, (System.nanoTime() - start) / 1e6);
        }
    }
}
