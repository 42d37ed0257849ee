package dev.brochure.testing;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.world.Workspace;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fixture content project copied to a temporary folder and typeset, with the build context
 * (fonts, images) that rendering its pages needs: for render tests that start from typeset pages.
 */
public record TypesetFixture(TypesetDocument document, Workspace workspace) {

    /** Copies fixture {@code name} to {@code temp} and typesets it with a pipeline over an empty environment. */
    public static TypesetFixture typeset(String name, Path temp) {
        TestProject project = TestProject.copy(name, temp);
        Pipeline pipeline = new Pipeline(Map.of());
        BuildRequest request = project.request(temp.resolve("unused.pdf"));
        return new TypesetFixture(pipeline.typeset(request).document(), pipeline.workspace(request));
    }
}
