package dev.brochure.content.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of value a layout's schema can ask the content for. */
public enum FieldType {
    /** Text with inline markup: **bold**, *italic*, [links](https://…), automatic links. */
    TEXT,
    /** Text without markup (names, labels): set typographically, but no markup is interpreted. */
    PLAIN,
    /** A description of an image for readers who cannot see it; not printed. */
    ALT,
    NUMBER,
    BOOLEAN,
    /** A path to a JPEG or PNG, resolved and checked to exist. */
    IMAGE,
    /** A web address or e-mail address. */
    LINK,
    /** One of a fixed set of words, listed in the schema's {@code values}. */
    CHOICE,
    /** A list whose items all have the schema given under {@code of}. */
    LIST,
    /** A mapping with the named {@code fields}. */
    RECORD;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> of(String word) {
        return Arrays.stream(values()).filter(t -> t.word().equals(word)).findFirst();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(FieldType::word).toList();
    }
}
