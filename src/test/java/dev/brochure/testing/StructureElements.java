package dev.brochure.testing;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;

/** Walks a tagged PDF's structure tree at the COS level, as the tests of tagging read it. */
public final class StructureElements {

    private StructureElements() {
    }

    /** The dictionary {@code base} is or refers to, or null. */
    public static COSDictionary dict(COSBase base) {
        COSBase b = base instanceof COSObject o ? o.getObject() : base;
        return b instanceof COSDictionary d ? d : null;
    }

    /** An element's kids that are dictionaries (elements, marked-content and object references), in order. */
    public static List<COSDictionary> kids(COSDictionary element) {
        List<COSDictionary> out = new ArrayList<>();
        COSBase k = element.getDictionaryObject(COSName.K);
        if (k instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                COSDictionary d = dict(array.get(i));
                if (d != null) {
                    out.add(d);
                }
            }
        } else if (dict(k) != null) {
            out.add(dict(k));
        }
        return out;
    }

    /** An element's role ({@code /S}), or a reference's type ({@code /Type}: MCR, OBJR). */
    public static String role(COSDictionary kid) {
        return kid.containsKey(COSName.S) ? kid.getNameAsString(COSName.S) : kid.getNameAsString(COSName.TYPE);
    }
}
