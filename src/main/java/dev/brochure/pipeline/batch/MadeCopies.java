package dev.brochure.pipeline.batch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The copies a batch run left in its output folder, by record, as its manifest names them: for
 * the commands that use the copies afterwards ({@code brochure mail} attaches them).
 */
public final class MadeCopies {

    /** One record's copy: its number and line in the recipients file, the PDF, its SHA-256, and whether it was made. */
    public record Made(int record, int line, Path pdf, String sha256, boolean ok) {
    }

    private MadeCopies() {
    }

    /** The copies of {@code result}'s manifest, by record number. */
    public static Map<Integer, Made> byRecord(BatchResult result) {
        Path folder = result.manifest().toAbsolutePath().getParent();
        Map<Integer, Made> made = new LinkedHashMap<>();
        for (Manifest.Entry e : Manifest.read(result.manifest()).values()) {
            made.put(e.record(), new Made(e.record(), e.line(), e.file() == null ? null : folder.resolve(e.file()),
                    e.sha256(), e.ok()));
        }
        return made;
    }

    /** The failures of {@code result}, by their line in the recipients file. */
    public static Map<Integer, List<dev.brochure.diag.Diagnostic>> failuresByLine(BatchResult result) {
        Map<Integer, List<dev.brochure.diag.Diagnostic>> byLine = new LinkedHashMap<>();
        result.failures().forEach(f -> byLine.put(f.line(), f.errors()));
        return byLine;
    }
}
