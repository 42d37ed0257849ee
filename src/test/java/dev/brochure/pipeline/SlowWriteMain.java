package dev.brochure.pipeline;

import java.nio.file.Path;

/**
 * A process that starts writing its argument through {@link AtomicOutput}, says so on standard
 * output, and then waits to be interrupted in the middle of the write.
 */
public final class SlowWriteMain {

    private SlowWriteMain() {
    }

    public static void main(String[] args) {
        new AtomicOutput().write(Path.of(args[0]), out -> {
            out.write("%PDF-1.7 half a new file".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            System.out.println("WRITING");
            System.out.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
