package dev.brochure.inspect.verify;

import java.util.List;

/**
 * The limits verify checks against. {@code maxBytes} is null for no size budget;
 * {@code expectedText} is null when no content is given (the content-text rule is then skipped).
 */
public record VerifyOptions(double minPpi, Long maxBytes, List<ExpectedText> expectedText) {

    public static final double DEFAULT_MIN_PPI = 120;

    public VerifyOptions {
        expectedText = expectedText == null ? null : List.copyOf(expectedText);
    }
}
