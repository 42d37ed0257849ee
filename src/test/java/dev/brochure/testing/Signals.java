package dev.brochure.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** What the tests that signal a child JVM need to know about signals here. */
public final class Signals {

    private static final Map<String, Integer> NUMBERS = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "TERM", 15);

    private Signals() {
    }

    /**
     * Skips the test when this process ignores {@code signal} (Linux, {@code SigIgn} in
     * /proc/self/status): its children then start ignoring it too, and a JVM started so keeps it
     * ignored, as a program started with nohup or in the background of a script does. Ctrl-C
     * cannot reach such a process; the test would only show that.
     */
    public static void assumeDelivered(String signal) {
        Integer number = NUMBERS.get(signal);
        if (number == null) {
            return;
        }
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) {
                    long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                    Assumptions.assumeTrue((ignored & (1L << (number - 1))) == 0, "SIG" + signal
                            + " is ignored by this test run (started in the background of a script?), so its children"
                            + " cannot receive it");
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown: run the test
        }
    }
}
