package dev.brochure.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** File sizes for people: 2.3 MB, 812 kB; and sizes people write: 2MB, 2M, 500k, 1.5MiB, 123456. */
final class Sizes implements ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?",
            Pattern.CASE_INSENSITIVE);

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
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new TypeConversionException("'" + text + "' is not a size: give bytes (2500000) or a number with k, M or G (2.5M, 800kB)");
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
        long bytes = (long) (value * factor);
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
