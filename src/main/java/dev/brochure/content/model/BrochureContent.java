package dev.brochure.content.model;

import dev.brochure.vocab.DocumentInfo;
import dev.brochure.vocab.ImageRef;

import dev.brochure.world.ProjectFiles;
import dev.brochure.vocab.Theme;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated content model: everything later stages need, with every image and font
 * reference already resolved to a checked file. {@code images} indexes each image by the
 * reference written in the content, so layouts can refer to images by that name.
 * {@code anchors} are the ids {@code #id} links may name: every section {@code brochure.yaml}
 * lists, also one left out of {@code sections} for its errors (a link to it is no new error).
 */
public record BrochureContent(
        DocumentInfo info,
        Theme theme,
        List<Section> sections,
        Map<String, ImageRef> images,
        ProjectFiles project,
        Set<String> anchors) {

    public BrochureContent {
        sections = List.copyOf(sections);
        images = Map.copyOf(images);
        anchors = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(anchors));
    }

    /** Content whose anchors are the ids of its sections. */
    public BrochureContent(DocumentInfo info, Theme theme, List<Section> sections, Map<String, ImageRef> images,
            ProjectFiles project) {
        this(info, theme, sections, images, project, ids(sections));
    }

    private static Set<String> ids(List<Section> sections) {
        Set<String> ids = new LinkedHashSet<>();
        sections.forEach(s -> ids.add(s.id()));
        return ids;
    }

    public BrochureContent withInfo(DocumentInfo other) {
        return new BrochureContent(other, theme, sections, images, project, anchors);
    }
}
