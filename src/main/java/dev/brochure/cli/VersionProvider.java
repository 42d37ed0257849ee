package dev.brochure.cli;

import dev.brochure.pipeline.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} for every command. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"brochure " + Version.current(), "Java " + Runtime.version()};
    }
}
