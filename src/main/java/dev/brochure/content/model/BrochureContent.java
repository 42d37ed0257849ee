package dev.brochure.content.model;

import dev.brochure.vocab.DocumentInfo;
import dev.brochure.vocab.ImageRef;

import dev.brochure.world.ProjectFiles;
import dev.brochure.vocab.Theme;
import java.util.List;
import java.util.Map;

/**
 * The validated content model: everything later stages need, with every image and font
 * reference already resolved to a checked file. {@code images} indexes each image by the
 * reference written in the content, so layouts can refer to images by that name.
 */
public record BrochureContent(
        DocumentInfo info,
        Theme theme,
        List<Section> sections,
        Map<String, ImageRef> images,
        ProjectFiles project) {

    public BrochureContent {
        sections = List.copyOf(sections);
        images = Map.copyOf(images);
    }

    public BrochureContent withInfo(DocumentInfo other) {
        return new BrochureContent(other, theme, sections, images, project);
    }
}
