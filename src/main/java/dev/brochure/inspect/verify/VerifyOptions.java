package dev.brochure.inspect.verify;

import java.util.List;

/**
 * The limits verify checks against. {@code maxBytes} is null for no size budget;
 * {@code expectedText} is null when no content is given (the content-text rule is then skipped);
 * {@code pdfx} also checks the PDF/X-4 requirements (the pdfx rule).
 */
public record VerifyOptions(double minPpi, Long maxBytes, List<ExpectedText> expectedText, boolean pdfx) {

    public static final double DEFAULT_MIN_PPI = 120;

    public VerifyOptions {
        expectedText = expectedText == null ? null : List.copyOf(expectedText);
    }

    /** Without the PDF/X check. */
    public VerifyOptions(double minPpi, Long maxBytes, List<ExpectedText> expectedText) {
        this(minPpi, maxBytes, expectedText, false);
    }
}
