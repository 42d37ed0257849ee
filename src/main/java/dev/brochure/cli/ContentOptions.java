package dev.brochure.cli;

import dev.brochure.pipeline.BuildRequest;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the content project is, for commands that read one. */
public final class ContentOptions {

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "brochure-content",
            description = "The content folder (default: ${DEFAULT-VALUE}).")
    Path content;

    BuildRequest request(Path output) {
        return BuildRequest.of(content, output);
    }
}
