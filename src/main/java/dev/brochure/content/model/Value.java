package dev.brochure.content.model;

import dev.brochure.vocab.ImageRef;

import dev.brochure.vocab.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated content value, typed by the layout's schema and located in its YAML file.
 * These are the only objects layout descriptors (templates) can see.
 */
public sealed interface Value {

    SourceLocation where();

    /** Text with inline formatting (bold, italic, links), parsed from the content's light markup. */
    record Text(RichText text, SourceLocation where) implements Value {
    }

    /**
     * Text without markup: names, labels, figures. Typographic normalisation applies (quotes,
     * dashes, no-break spaces), but no bold, italic or link is read from it.
     */
    record Plain(String text, SourceLocation where) implements Value {
    }

    /**
     * A description of an image for readers who cannot see it (alternative text): never printed,
     * but kept with the image so an accessible PDF can carry it. Normalised like {@link Plain}.
     */
    record Alt(String text, SourceLocation where) implements Value {
    }

    /** The word chosen for a choice field: a setting for the layout, not text to print. */
    record Choice(String word, SourceLocation where) implements Value {
    }

    record Num(double value, SourceLocation where) implements Value {
    }

    record Bool(boolean value, SourceLocation where) implements Value {
    }

    /**
     * A resolved, existing image, with what it shows for readers who cannot see it: {@code alt}
     * (null when the content gives none; the layout may then describe it from another field) or
     * {@code decorative} (it shows nothing the text does not say).
     */
    record Image(ImageRef image, String alt, boolean decorative, SourceLocation where) implements Value {

        public Image(ImageRef image, SourceLocation where) {
            this(image, null, false, where);
        }
    }

    /** A link target: an {@code https:}/{@code http:} URL or a {@code mailto:} address. */
    record Link(String url, SourceLocation where) implements Value {
    }

    /**
     * A {@code text}, {@code plain} or {@code alt} value that names recipient fields with
     * placeholders ({@code {{recipient.first_name}}}): {@code source} as written, and the fields
     * it names in order. Personalisation turns it into the {@link Text}, {@link Plain} or
     * {@link Alt} its reader's fields make; without a reader (the brochure {@code build} makes)
     * it is left out, as if it were not written. {@code required}: its field is required by the
     * layout's schema.
     */
    record Personal(Kind kind, String source, List<String> fields, boolean required, SourceLocation where)
            implements Value {
        public enum Kind { TEXT, PLAIN, ALT }

        public Personal {
            fields = List.copyOf(fields);
        }
    }

    /** A list of values of one type. */
    record Items(List<Value> items, SourceLocation where) implements Value {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** Named values in the order they were written. */
    record Fields(Map<String, Value> fields, SourceLocation where) implements Value {
        public Fields {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public Value get(String name) {
            return fields.get(name);
        }
    }
}
