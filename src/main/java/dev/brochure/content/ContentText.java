package dev.brochure.content;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.content.model.Section;
import dev.brochure.content.model.Value;
import dev.brochure.vocab.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The words a content project asks to be printed, as plain strings: one unit per text or plain
 * field value (a paragraph, a list item, a title, a name), in reading order, with the YAML place
 * it came from. {@code verify --content} checks that each unit can be found in the PDF.
 *
 * <p>Inline markup is gone (a unit is what a reader sees: {@code **bold**} gives "bold"). The
 * words of a {@code choice} field are settings for the layout, not text; an {@code alt} field
 * describes an image and is never printed; images, links, numbers and booleans are not text
 * either. So none of them is a unit. A layout that uses a
 * text field only inside an attribute prints nothing of it; such a layout should make that
 * field {@code plain} and say so in its description.
 */
public final class ContentText {

    /** One text unit: what should be printed, and where the content says so. */
    public record Unit(String text, SourceLocation where) {
    }

    private ContentText() {
    }

    public static List<Unit> units(BrochureContent content) {
        List<Unit> units = new ArrayList<>();
        for (Section section : content.sections()) {
            walk(section.fields(), units);
        }
        return List.copyOf(units);
    }

    private static void walk(Value value, List<Unit> units) {
        switch (value) {
            case Value.Text text -> add(text.text().plainText(), text.where(), units);
            case Value.Plain plain -> add(plain.text(), plain.where(), units);
            case Value.Items items -> items.items().forEach(item -> walk(item, units));
            case Value.Fields fields -> fields.fields().values().forEach(child -> walk(child, units));
            case Value.Choice c -> { }
            case Value.Num n -> { }
            case Value.Bool b -> { }
            case Value.Image i -> { }
            case Value.Link l -> { }
            case Value.Alt a -> { }
            case Value.Personal p -> { }
        }
    }

    private static void add(String text, SourceLocation where, List<Unit> units) {
        if (!text.isBlank()) {
            units.add(new Unit(text.strip(), where));
        }
    }
}
