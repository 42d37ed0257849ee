package dev.brochure.cli;

import dev.brochure.pipeline.ByteSize;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** File sizes for people: 2.3 MB, 812 kB; and sizes people write: 2MB, 2M, 500k, 1.5MiB, 123456. */
final class Sizes implements ITypeConverter<Long> {

    static String human(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        if (bytes >= 1_000) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1e3);
        }
        return bytes + " bytes";
    }

    static long parse(String text) {
        long bytes = ByteSize.parse(text).orElseThrow(() -> new TypeConversionException(
                "'" + text + "' is not a size: give bytes (2500000) or a number with k, M or G (2.5M, 800kB)"));
        if (bytes <= 0) {
            throw new TypeConversionException("the size must be larger than 0");
        }
        return bytes;
    }

    @Override
    public Long convert(String value) {
        return parse(value);
    }
}
