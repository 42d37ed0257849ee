package dev.brochure.pipeline;

import dev.brochure.vocab.Units;
import dev.brochure.render.ImagePolicy;
import java.util.Locale;

/**
 * Where the PDF is going, and what that asks of it.
 * <ul>
 * <li>{@code SCREEN}: the default; no bleed; images at most 200 ppi at their placed size.</li>
 * <li>{@code PRINT}: a PDF/X-4 file: 3 mm bleed with full-bleed art extended into it, TrimBox
 * and BleedBox, crop marks in a slug outside the bleed, images at full resolution, an output
 * intent for offset on coated paper (FOGRA39) with colours and images in ICC-based sRGB, and a
 * warning (an error with {@code --strict}) for any image placed below 300 ppi.</li>
 * <li>{@code EMAIL}: small files: images at most 150 ppi re-encoded as JPEG (PNG kept for
 * transparency and flat art), image metadata dropped, compressed object streams.</li>
 * </ul>
 */
public enum OutputProfile {
    SCREEN(0, 0, false, false, 200, 0),
    PRINT(Units.mm(3), Units.mm(9), true, false, 0, 300),
    EMAIL(0, 0, false, true, 150, 0);

    private final double bleed;
    private final double slug;
    private final boolean cropMarks;
    private final boolean compact;
    private final int maxPpi;
    private final int minPpi;

    OutputProfile(double bleed, double slug, boolean cropMarks, boolean compact, int maxPpi, int minPpi) {
        this.bleed = bleed;
        this.slug = slug;
        this.cropMarks = cropMarks;
        this.compact = compact;
        this.maxPpi = maxPpi;
        this.minPpi = minPpi;
    }

    public double bleed() {
        return bleed;
    }

    public double slug() {
        return slug;
    }

    public boolean cropMarks() {
        return cropMarks;
    }

    public boolean compactObjects() {
        return compact;
    }

    /** How images are resampled and encoded for this profile. */
    public ImagePolicy images() {
        return switch (this) {
            case SCREEN -> new ImagePolicy(maxPpi, 0.9f, false);
            case PRINT -> ImagePolicy.ORIGINAL;
            case EMAIL -> new ImagePolicy(maxPpi, 0.8f, true);
        };
    }

    /** The highest effective resolution images keep; 0 keeps them as they are. */
    public int maxPpi() {
        return maxPpi;
    }

    /** Below this effective resolution a placed image is reported; 0 checks nothing. */
    public int minPpi() {
        return minPpi;
    }

    /** Whether the file is written as PDF/X-4 (output intent, ICC-based colour, identification). */
    public boolean pdfx() {
        return this == PRINT;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
