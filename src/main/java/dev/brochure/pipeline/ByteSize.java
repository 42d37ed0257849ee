package dev.brochure.pipeline;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people write them: bytes (2500000), or a number with k, M or G (decimal) or KiB, MiB, GiB. */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?",
            Pattern.CASE_INSENSITIVE);

    private ByteSize() {
    }

    /** The number of bytes, or empty when the text is not a size. */
    public static OptionalLong parse(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        double factor = switch (unit) {
            case "k", "kb" -> 1e3;
            case "kib" -> 1024;
            case "m", "mb" -> 1e6;
            case "mib" -> 1024 * 1024;
            case "g", "gb" -> 1e9;
            case "gib" -> 1024.0 * 1024 * 1024;
            default -> 1;
        };
        return OptionalLong.of((long) (value * factor));
    }
}
